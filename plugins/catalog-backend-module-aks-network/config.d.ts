import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /** The AKS cluster entity provider (catalog-backend-module-aks-network). */
      aksNetwork?: {
        // The tag names are `aksNetwork.tags` (plugins/aks-network-node/config.d.ts),
        // which also declares the deprecated ownerTag, systemTag and componentTag here.
        /**
         * Owner of clusters whose owner tag is missing or invalid.
         * Default `group:default/platform-team`.
         */
        defaultOwner?: string;
        /**
         * `kubernetes.io/auth-provider` of the cluster entities, for the Kubernetes
         * plugin: `aks` (the user signs in with Microsoft and the browser sends the
         * token; needs the Microsoft auth provider) or `azure` (the backend's own Azure
         * identity, server-side). Default `aks`.
         */
        kubernetesAuthProvider?: 'aks' | 'azure';
        /** When to refresh. Default every minute, 50 s timeout. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
