import {
  KUBENET_RETIREMENT_DATE,
  NetworkDataplane,
  NetworkModel,
} from '@aks-network/plugin-aks-network-common';
import type { ClusterPolicy } from '../config/ClusterPolicy';
import type { ClusterInput } from './clusterInput';

/**
 * Why a model other than overlay is refused by default (DESIGN: "the only way to an
 * overlay cluster is a new one"; the numbers are DESIGN's).
 */
const MODEL_REASONS: Record<NetworkModel, string> = {
  'azure-cni-overlay': '',
  'azure-cni-node-subnet':
    'flat Azure CNI gives every pod a VNet IP: (n + surge) × (1 + maxPods) node-subnet IPs, a /21 for 50 nodes at maxPods 30, where overlay takes one IP per node',
  'azure-cni-pod-subnet':
    'pod subnet gives every pod a VNet IP from a second subnet; overlay pods take none',
  kubenet: `kubenet retires on ${KUBENET_RETIREMENT_DATE}`,
  'byo-cni':
    'with a CNI of your own AKS neither supports the pod network nor shows it in flow logs or ACNS',
};

const DATAPLANE_REASONS: Record<NetworkDataplane, string> = {
  azure: '',
  cilium:
    'Azure CNI powered by Cilium replaces kube-proxy and network policy with eBPF; the organisation has not adopted it',
};

/**
 * The organisation's policy (config `aksNetwork.clusterPolicy`), each breach a problem
 * `field: why`. Unknown model names are left to common's validation, which names them.
 */
export function clusterPolicyProblems(
  input: ClusterInput,
  policy: ClusterPolicy,
): string[] {
  const problems: string[] = [];
  const model = (input.networkModel ?? 'azure-cni-overlay') as NetworkModel;
  if (model in MODEL_REASONS && !policy.allowedNetworkModels.includes(model)) {
    problems.push(
      `networkModel: '${model}' is not allowed (aksNetwork.clusterPolicy.allowedNetworkModels: ${policy.allowedNetworkModels.join(
        ', ',
      )}): ${MODEL_REASONS[model]}`,
    );
  }
  const dataplane = (input.networkDataplane ?? 'azure') as NetworkDataplane;
  if (
    dataplane in DATAPLANE_REASONS &&
    !policy.allowedDataplanes.includes(dataplane)
  ) {
    problems.push(
      `networkDataplane: '${dataplane}' is not allowed (aksNetwork.clusterPolicy.allowedDataplanes: ${policy.allowedDataplanes.join(
        ', ',
      )}): ${DATAPLANE_REASONS[dataplane]}`,
    );
  }
  if (
    policy.regions &&
    !policy.regions.includes(input.region.trim().toLowerCase())
  ) {
    problems.push(
      `region: '${
        input.region
      }' is not one of the allowed regions (${policy.regions.join(', ')})`,
    );
  }
  if (policy.vmSizes && !policy.vmSizes.includes(input.vmSize)) {
    problems.push(
      `vmSize: '${
        input.vmSize
      }' is not one of the allowed VM sizes (${policy.vmSizes.join(', ')})`,
    );
  }
  const { min, max } = policy.nodeCount;
  if (
    !Number.isInteger(input.nodeCount) ||
    input.nodeCount < min ||
    input.nodeCount > max
  ) {
    problems.push(
      `nodeCount: ${input.nodeCount} is outside the allowed range ${min}–${max}`,
    );
  }
  const version = input.kubernetesVersion?.trim();
  if (
    version &&
    policy.kubernetesVersions &&
    !policy.kubernetesVersions.some(
      allowed => version === allowed || version.startsWith(`${allowed}.`),
    )
  ) {
    problems.push(
      `kubernetesVersion: '${version}' is not one of the allowed versions (${policy.kubernetesVersions.join(
        ', ',
      )})`,
    );
  }
  return problems;
}
