import type { HumanDuration } from '@backstage/types';

export interface Config {
  aksNetwork?: {
    /** What the `aks-network:*` scaffolder actions allow and default to. */
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
      /** Node count range of the node pool. Default 1–100. */
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
      /** @default 30 */
      defaultMaxPods?: number;
    };
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
