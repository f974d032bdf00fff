import type { HumanDuration } from '@backstage/types';

export interface Config {
  aksNetwork?: {
    /** Waiting for Azure in `aks-network:cluster:create`. */
    provisioning?: {
      /** Time limit of the subnet creation. @default { minutes: 5 } */
      subnetTimeout?: HumanDuration;
      /** Time limit of the cluster creation (AKS takes 5–15 minutes). @default { minutes: 30 } */
      clusterTimeout?: HumanDuration;
      /**
       * How long the create action waits for the new cluster's entity in the catalog
       * before it completes (a late entity only gives a warning).
       * @default { seconds: 30 }
       */
      catalogWait?: HumanDuration;
      /**
       * Portal of the Azure cloud, for output links.
       * @default https://portal.azure.com
       */
      portalBaseUrl?: string;
    };
  };
}
