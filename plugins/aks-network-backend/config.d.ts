import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

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
       * After a sync run finished, how long `POST /refresh` of every subscription
       * answers with that run instead of starting another: `{ seconds: 60 }`, '1m' or
       * 'PT1M'. Default 60 seconds.
       */
      refreshCoolDown?: HumanDuration | string;
      /**
       * Subscriptions one sync reads at a time. Each still has at most
       * `aksNetwork.azure.requests.maxConcurrencyPerSubscription` requests in flight,
       * and a subscription that fails keeps its clusters, marked stale, while the
       * others go on.
       * @default 8
       */
      subscriptionConcurrency?: number;
      // The owner tag is `aksNetwork.tags.owner` (plugins/aks-network-node/config.d.ts),
      // which also declares the deprecated `ownerTag` here.
    };
    /**
     * What the organisation declares beyond what Azure reports: shown on the posture as
     * declared, never verified (docs/domain.md#declared-controls).
     */
    compensatingControls?: {
      /**
       * Tools that export the pod flows of every cluster in a subscription, as the
       * cluster tag `aksNetwork.tags.flowExport` declares them per cluster. A
       * subscription may be listed once.
       */
      flowExport?: Array<{
        /** Subscription id (a GUID). */
        subscriptionId: string;
        /**
         * At least one tool id of `FLOW_EXPORT_TOOLS` in aks-network-common (tetragon,
         * linkerd, retina, istio); another id stops the backend naming the key.
         */
        tools: string[];
      }>;
    };
    /**
     * What a new cluster may be: every plan (the template's live plan field, both
     * `aks-network:*` scaffolder actions) goes through the backend's plan route, which
     * applies it.
     */
    clusterPolicy?: {
      /**
       * Network models a template may ask for. Default: `azure-cni-overlay` only — the
       * flat, pod-subnet, kubenet and BYO models are refused with the reason.
       */
      allowedNetworkModels?: Array<
        | 'azure-cni-overlay'
        | 'azure-cni-pod-subnet'
        | 'azure-cni-node-subnet'
        | 'kubenet'
        | 'byo-cni'
      >;
      /** Azure regions (e.g. `westeurope`) clusters may be created in. Default: any. */
      regions?: string[];
      /** VM sizes the node pool may use (e.g. `Standard_D4s_v5`). Default: any. */
      vmSizes?: string[];
      /** Node count range of the node pool. Default 1–100; at most 1,000 (a pool's limit in AKS). */
      nodeCount?: { min?: number; max?: number };
      /** Kubernetes versions (`1.33` or `1.33.2`). Default: any, or AKS's default when none is asked for. */
      kubernetesVersions?: string[];
      /**
       * Dataplanes a template may ask for. Default: `azure` only — Azure CNI powered by
       * Cilium is refused with the reason unless listed.
       */
      allowedDataplanes?: Array<'azure' | 'cilium'>;
    };
    /** The organisation's cluster network, reused by every overlay cluster. */
    clusterNetwork?: {
      /**
       * Pod CIDR: not routable outside the cluster, so every cluster may reuse it.
       * @default 10.244.0.0/16
       */
      podCidr?: string;
      /** @default 10.0.0.0/16 */
      serviceCidr?: string;
      /** @default 10.0.0.10 */
      dnsServiceIp?: string;
      /**
       * Pods per node when a request names none: the organisation's 30 (AKS's own
       * default on overlay is 250). Templates leave maxPods empty so this applies.
       * @default 30
       */
      defaultMaxPods?: number;
    };
    /** Subnet reservations in address pools. */
    reservations?: {
      /**
       * How long a reserved subnet is held before it expires unless the subnet is
       * created and the reservation committed.
       * @default 3600
       */
      ttlSeconds?: number;
      /**
       * The longest hold a reservation may ask for (`ttlSeconds` of the request); a
       * longer one is refused with a 400 naming it. Not below `ttlSeconds`.
       * @default 86400
       */
      maxTtlSeconds?: number;
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
    /**
     * Who is told, through Backstage notifications, when a sync finds a check turned
     * worse or recovered. One notification per change; nothing on the first sync of a
     * fresh inventory, nor for a cluster or pool seen for the first time.
     */
    notifications?: {
      /**
       * Off: nothing is sent.
       * @default true
       */
      enabled?: boolean;
      /**
       * Share of a node subnet, pod subnet or pod CIDR in use, an upgrade's surge
       * counted, from which the cluster's owners are told (above 0, at most 1).
       * @default 0.8
       */
      fillThreshold?: number;
      /**
       * Each check a cluster's owner group (its owner tag) is told of; each defaults
       * to true.
       */
      checks?: {
        /** The fullest node or pod subnet crossing `fillThreshold`. */
        nodeSubnetFill?: boolean;
        /** The pod CIDR (overlay, kubenet) crossing `fillThreshold`. */
        podCidrFill?: boolean;
        /** Egress/ingress monitoring lost: no enabled flow log watches the nodes. */
        egressIngressMonitored?: boolean;
        /** The history of communications lost (a flow log disabled or retired). */
        historyKept?: boolean;
        /** Same-node pod-to-pod visibility lost (ACNS observability off). */
        samePodToPodVisible?: boolean;
        /** The cluster's subscription could not be read: its inventory is stale. */
        stale?: boolean;
      };
      /** The platform group told when an address pool runs low. */
      addressPools?: {
        /** @default true */
        enabled?: boolean;
        /**
         * A pool with fewer free node subnets (of its prefix) than this tells the
         * recipients.
         * @default 5
         */
        minFreeSubnets?: number;
        /**
         * Entity refs (a bare name is a group), e.g. `group:default/team-platform`.
         * None (the default): pools are not checked.
         */
        recipients?: string[];
      };
    };
  };
}
