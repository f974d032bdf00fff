import type { NetworkDataplane, NetworkModel } from '../model';
import type { ApiAddressPool } from './addressPoolTypes';

/**
 * What a template or form asks of `POST /address-pools/{poolId}/plan`: the cluster to
 * create in the pool. Field names are the scaffolder actions' input names, and every
 * finding of the answer names one of them. Missing optional values take the
 * organisation's defaults (`aksNetwork.clusterNetwork`) and the policy's.
 *
 * @public
 */
export interface PoolPlanRequest {
  /** Cluster name; the name rules are checked only when it is given. */
  name?: string;
  resourceGroup?: string;
  /** The cluster's region; default the pool's. */
  region?: string;
  nodeCount: number;
  vmSize?: string;
  maxPods?: number;
  kubernetesVersion?: string;
  networkModel?: string;
  networkDataplane?: string;
  acnsObservability?: boolean;
  podCidr?: string;
  serviceCidr?: string;
  dnsServiceIp?: string;
  nodePoolName?: string;
}

/**
 * One problem (or warning) of a plan, naming the request field it is about.
 *
 * @public
 */
export interface PlanFinding {
  /** A {@link PoolPlanRequest} field, or `addressPoolId` for the pool and its VNet. */
  field: string;
  severity: 'error' | 'warning';
  /** Stable id of the rule. */
  rule: string;
  message: string;
}

/**
 * The answer of `POST /address-pools/{poolId}/plan`: the cluster as it would be
 * created (defaults applied), the node subnet the pool would hand out now (a later
 * reservation may get another), and what the network holds and costs. `valid` is false
 * when a finding is an error; the figures are still given where they could be worked
 * out.
 *
 * @public
 */
export interface PoolPlan {
  poolId: string;
  valid: boolean;
  cluster: {
    name?: string;
    resourceGroup?: string;
    region: string;
    networkModel: NetworkModel;
    networkDataplane: NetworkDataplane;
    kubernetesVersion?: string;
    nodePoolName: string;
    nodeCount: number;
    vmSize?: string;
    maxPods: number;
    acnsObservability: boolean;
    podCidr: string;
    serviceCidr: string;
    dnsServiceIp: string;
  };
  pool: ApiAddressPool;
  vnet: { name: string; addressSpace: string[] | null };
  /** Null when the pool has no room or the nodes fit no Azure subnet. */
  nodeSubnet: {
    /** The subnet's name in the VNet (derived from the cluster name). */
    name: string;
    cidr: string;
    prefix: number;
    /** IPs a cluster may take (Azure keeps 5). */
    usableIps: number;
    /** Nodes it holds while keeping room for the surge nodes of an upgrade. */
    maxNodes: number;
  } | null;
  surgeNodes: number;
  /** Null for models that take no pod CIDR. */
  podCidr: { cidr: string; maxNodes: number } | null;
  /** Pods the nodes can run: nodes × maxPods. */
  podCapacity: number;
  /** Node-subnet IPs overlay saves against flat Azure CNI for this cluster. */
  vnetIpsSavedVsFlat: number;
  /** ACNS for the nodes, per month, whether or not it is asked for. */
  acnsMonthlyCostUsd: number;
  findings: PlanFinding[];
}
