import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Settings of the AKS network plugin set. */
  aksNetwork?: {
    /** The cluster inventory sync of the backend plugin. */
    sync?: {
      /**
       * When the sync runs. Default: every 5 minutes, timeout 3 minutes, first run
       * 15 seconds after start-up.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * The tag that names a cluster's owner (tag names compare case-insensitively).
       * @default owner
       */
      ownerTag?: string;
    };
    /** Subnet reservations in address pools. */
    reservations?: {
      /**
       * How long a reserved subnet is held before it expires unless the subnet is
       * created and the reservation committed.
       * @default 3600
       */
      ttlSeconds?: number;
    };
    /**
     * Address pools created at start-up when they do not exist yet (an existing pool
     * of the same id is left as it is).
     */
    addressPools?: Array<{
      /** Lower-case letters, digits, '.', '_' or '-'. */
      id: string;
      subscriptionId: string;
      resourceGroup: string;
      vnetName: string;
      region: string;
      /** The VNet range node subnets are carved from, e.g. 10.240.0.0/16. */
      range: string;
      /**
       * Prefix of the subnets carved by default.
       * @default 27
       */
      subnetPrefix?: number;
      description?: string;
    }>;
  };
}
