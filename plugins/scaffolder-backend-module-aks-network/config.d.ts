import type { HumanDuration } from '@backstage/types';

export interface Config {
  aksNetwork?: {
    /** Waiting for Azure in `aks-network:cluster:create`. */
    provisioning?: {
      /** Time limit of the subnet creation. @default { minutes: 5 } */
      subnetTimeout?: HumanDuration;
      /**
       * Time limit of the cluster creation (AKS takes 5–15 minutes). A create that has
       * not ended by then fails the task for good: its reservation is released and
       * the cluster (which Azure may still finish) and its node subnet are named in
       * the error; a retry of the task waits for that cluster instead of creating
       * another.
       * @default { minutes: 30 }
       */
      clusterTimeout?: HumanDuration;
      /**
       * Time limit of each deletion when a create fails for good and the task removes
       * what it made (the failed cluster, then the node subnet). A deletion past it is
       * named in the error as left in Azure.
       * @default { minutes: 15 }
       */
      cleanupTimeout?: HumanDuration;
      /**
       * How long the create action waits for the new cluster's entity in the catalog
       * before it completes (a late entity only gives a warning).
       * @default { seconds: 30 }
       */
      catalogWait?: HumanDuration;
      /**
       * Portal for the output links, instead of the configured cloud's
       * (`aksNetwork.azure.cloud`; the public cloud's is https://portal.azure.com).
       */
      portalBaseUrl?: string;
    };
  };
}
