import { MAX_NAME_LENGTH } from '@aks-network/plugin-aks-network-common';
import type { ScaffolderField, ScaffolderZod } from './scaffolderZod';

type Z = ScaffolderZod;

/**
 * The input fields both actions take, as the scaffolder's `z` callbacks: the action's
 * JSON schema (and the template editor's help) come from these descriptions. Ranges are
 * checked by the handler against common's rules and the policy, so the errors name the
 * field and cite the fact rather than echo a JSON-schema keyword.
 */
export const clusterInputFields: Record<keyof ClusterInput, ScaffolderField> = {
  name: (z: Z) =>
    z
      .string()
      .describe(
        `Cluster name: 1–${MAX_NAME_LENGTH} letters, digits, - and _, starting and ending with a letter or digit`,
      ),
  subscriptionId: (z: Z) =>
    z.string().describe('Azure subscription (GUID) of the cluster'),
  resourceGroup: (z: Z) =>
    z.string().describe('Resource group of the cluster (must exist)'),
  region: (z: Z) => z.string().describe('Azure region, e.g. westeurope'),
  addressPoolId: (z: Z) =>
    z
      .string()
      .describe(
        'Address pool of the aks-network backend the node subnet is carved from (its VNet and region)',
      ),
  nodeCount: (z: Z) =>
    z.number().int().describe('Nodes of the system node pool'),
  vmSize: (z: Z) =>
    z.string().describe('VM size of the node pool, e.g. Standard_D4s_v5'),
  maxPods: (z: Z) =>
    z
      .number()
      .int()
      .optional()
      .describe(
        'Pods per node, 10–250 (10 only if the pool still holds 30 pods); default from aksNetwork.clusterNetwork.defaultMaxPods (30)',
      ),
  kubernetesVersion: (z: Z) =>
    z
      .string()
      .optional()
      .describe("Kubernetes version (e.g. '1.33'); default AKS's default"),
  networkModel: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'Network model; default azure-cni-overlay, the only one allowed unless aksNetwork.clusterPolicy.allowedNetworkModels says otherwise',
      ),
  networkDataplane: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'Dataplane: azure (default) or cilium, if the policy allows it',
      ),
  acnsObservability: (z: Z) =>
    z
      .boolean()
      .optional()
      .describe(
        'Turn on Advanced Container Networking Services observability: same-node pod-to-pod flows become visible ($0.025 per node-hour)',
      ),
  podCidr: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        "Pod CIDR; default the organisation's (aksNetwork.clusterNetwork.podCidr), reused across clusters",
      ),
  serviceCidr: (z: Z) =>
    z
      .string()
      .optional()
      .describe('Service CIDR; default aksNetwork.clusterNetwork.serviceCidr'),
  dnsServiceIp: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'DNS service IP inside the service CIDR; default aksNetwork.clusterNetwork.dnsServiceIp',
      ),
  nodePoolName: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'Name of the system node pool (1–12 lower-case letters and digits); default system',
      ),
};

/** The input both actions share, after the scaffolder parsed it. */
export interface ClusterInput {
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  region: string;
  addressPoolId: string;
  nodeCount: number;
  vmSize: string;
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
