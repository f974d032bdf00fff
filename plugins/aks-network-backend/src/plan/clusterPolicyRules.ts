import {
  KUBENET_RETIREMENT_DATE,
  NetworkDataplane,
  NetworkModel,
  PlanFinding,
} from '@aks-network/plugin-aks-network-common';
import type { ClusterPolicy } from './ClusterPolicy';

/**
 * Why a model other than overlay is refused by default (docs/domain.md#supported-models: the organisation offers
 * a new overlay cluster as the way off flat; the numbers are those of docs/domain.md).
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

/** The request fields the policy reads, defaults applied. */
export interface PolicyInput {
  region: string;
  nodeCount: number;
  vmSize?: string;
  kubernetesVersion?: string;
  networkModel: string;
  networkDataplane: string;
}

function error(field: string, rule: string, message: string): PlanFinding {
  return { field, severity: 'error', rule, message };
}

/**
 * The organisation's policy (config `aksNetwork.clusterPolicy`), each breach an error
 * finding naming the request field. Unknown model names are left to common's
 * validation, which names them.
 */
export function clusterPolicyFindings(
  input: PolicyInput,
  policy: ClusterPolicy,
): PlanFinding[] {
  const findings: PlanFinding[] = [];
  const model = input.networkModel as NetworkModel;
  if (model in MODEL_REASONS && !policy.allowedNetworkModels.includes(model)) {
    findings.push(
      error(
        'networkModel',
        'policy-network-model',
        `'${model}' is not allowed (aksNetwork.clusterPolicy.allowedNetworkModels: ${policy.allowedNetworkModels.join(
          ', ',
        )}): ${MODEL_REASONS[model]}`,
      ),
    );
  }
  const dataplane = input.networkDataplane as NetworkDataplane;
  if (
    dataplane in DATAPLANE_REASONS &&
    !policy.allowedDataplanes.includes(dataplane)
  ) {
    findings.push(
      error(
        'networkDataplane',
        'policy-dataplane',
        `'${dataplane}' is not allowed (aksNetwork.clusterPolicy.allowedDataplanes: ${policy.allowedDataplanes.join(
          ', ',
        )}): ${DATAPLANE_REASONS[dataplane]}`,
      ),
    );
  }
  if (
    policy.regions &&
    !policy.regions.includes(input.region.trim().toLowerCase())
  ) {
    findings.push(
      error(
        'region',
        'policy-region',
        `'${
          input.region
        }' is not one of the allowed regions (${policy.regions.join(', ')})`,
      ),
    );
  }
  if (
    policy.vmSizes &&
    input.vmSize !== undefined &&
    !policy.vmSizes.includes(input.vmSize)
  ) {
    findings.push(
      error(
        'vmSize',
        'policy-vm-size',
        `'${
          input.vmSize
        }' is not one of the allowed VM sizes (${policy.vmSizes.join(', ')})`,
      ),
    );
  }
  const { min, max } = policy.nodeCount;
  if (
    !Number.isInteger(input.nodeCount) ||
    input.nodeCount < min ||
    input.nodeCount > max
  ) {
    findings.push(
      error(
        'nodeCount',
        'policy-node-count',
        `${input.nodeCount} is outside the allowed range ${min}–${max} (aksNetwork.clusterPolicy.nodeCount)`,
      ),
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
    findings.push(
      error(
        'kubernetesVersion',
        'policy-kubernetes-version',
        `'${version}' is not one of the allowed versions (${policy.kubernetesVersions.join(
          ', ',
        )})`,
      ),
    );
  }
  return findings;
}
