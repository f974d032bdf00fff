import { NetworkDataplane, NetworkModel } from '../model';

/**
 * An IP family as ARM spells it in `networkProfile.ipFamilies`.
 *
 * @public
 */
export type IpFamilyName = 'IPv4' | 'IPv6';

/**
 * A node pool's operating system as ARM spells it in `agentPoolProfiles[].osType`.
 *
 * @public
 */
export type NodePoolOsType = 'Linux' | 'Windows';

/**
 * A node pool in a network request.
 *
 * @public
 */
export interface NodePoolRequest {
  /**
   * The pool name: lowercase letters and digits, starting with a letter, at most 12
   * characters for Linux pools and 6 for Windows pools.
   */
  name: string;
  /** Default `Linux`; the name limit depends on it. */
  osType?: NodePoolOsType;
  /** `System` or `User`; the first pool defaults to `System`, the others to `User`. */
  mode?: 'System' | 'User';
  /** Nodes (0 allowed for a user pool). */
  count: number;
  /** Pods per node, 10–250; default 30. */
  maxPods?: number;
  /** Surge nodes on upgrade: a count or a percentage of the pool (`'33%'`); default 1. */
  maxSurge?: number | string;
  vmSize?: string;
}

/**
 * The network plan of a cluster to create, as a template or form sends it to
 * `validateNetworkRequest`. Every optional range falls back to the AKS default
 * (docs/domain.md#network-defaults: pod CIDR 10.244.0.0/16, service CIDR 10.0.0.0/16, DNS IP 10.0.0.10).
 * Finding fields are dotted paths into this shape (`network.podCidr`, `nodePools.0.maxPods`).
 *
 * @public
 */
export interface NetworkRequestInput {
  cluster: {
    name: string;
    resourceGroup: string;
    location?: string;
    kubernetesVersion?: string;
  };
  network?: {
    /** Default `azure-cni-overlay`, the model new clusters use. */
    model?: NetworkModel;
    /** Default `azure`. */
    dataplane?: NetworkDataplane;
    /**
     * Default `['IPv4']`; `['IPv4', 'IPv6']`, in that order, for dual-stack (which
     * needs Kubernetes 1.26.3 or later).
     */
    ipFamilies?: IpFamilyName[];
    podCidr?: string;
    /** The IPv6 pod CIDR of a dual-stack cluster; default `fd12:3456:789a::/64`. */
    podCidrIpv6?: string;
    serviceCidr?: string;
    /**
     * The IPv6 service CIDR of a dual-stack cluster, /108 or smaller; default
     * `fd12:3456:789a:1::/108`.
     */
    serviceCidrIpv6?: string;
    dnsServiceIp?: string;
    vnet?: {
      name?: string;
      addressSpace?: string[];
    };
    nodeSubnet?: {
      name?: string;
      /** Absent when the subnet is still to be carved from an address pool. */
      cidr?: string;
      /** IPs on the node subnet besides nodes and pods (internal load balancers, …). */
      extraIps?: number;
    };
    /** Peered VNets and on-prem ranges the pod CIDR must not overlap. */
    peeredRanges?: string[];
  };
  nodePools: NodePoolRequest[];
}

/**
 * A node pool after validation: defaults applied, surge resolved to nodes.
 *
 * @public
 */
export interface NormalisedNodePool {
  name: string;
  mode: 'System' | 'User';
  osType: NodePoolOsType;
  count: number;
  maxPods: number;
  /** Surge nodes (a percentage already resolved against `count`). */
  maxSurge: number;
  vmSize?: string;
}

/**
 * A network request that passed validation: defaults applied, ranges in canonical text.
 *
 * @public
 */
export interface NormalisedNetworkRequest {
  cluster: {
    name: string;
    resourceGroup: string;
    location?: string;
    kubernetesVersion?: string;
  };
  network: {
    model: NetworkModel;
    dataplane: NetworkDataplane;
    ipFamilies: IpFamilyName[];
    /** Set for models that use a pod CIDR (overlay, kubenet) and when given for BYO CNI. */
    podCidr?: string;
    /** Set for dual-stack clusters whose model uses a pod CIDR (AKS's default when not given). */
    podCidrIpv6?: string;
    serviceCidr: string;
    /** Set for dual-stack clusters (AKS's default when not given). */
    serviceCidrIpv6?: string;
    dnsServiceIp: string;
    vnet: { name?: string; addressSpace: string[] };
    nodeSubnet: { name?: string; cidr?: string; extraIps: number };
    peeredRanges: string[];
  };
  nodePools: NormalisedNodePool[];
}
