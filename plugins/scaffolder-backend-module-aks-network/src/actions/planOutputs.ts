import type { ScaffolderField, ScaffolderZod } from './scaffolderZod';
import type { PlannedCluster } from './planClusterRequest';

type Z = ScaffolderZod;

/** Output fields of `aks-network:plan`, also part of `aks-network:cluster:create`'s. */
type PlanOutputName =
  | 'addressPoolId'
  | 'nodeSubnetPrefix'
  | 'nodeSubnetCidr'
  | 'nodeSubnetMaxNodes'
  | 'podCidr'
  | 'podCidrMaxNodes'
  | 'podCapacity'
  | 'vnetIpsSavedVsFlat'
  | 'acnsMonthlyCostUsd'
  | 'warnings';

export const planOutputFields: Record<PlanOutputName, ScaffolderField> = {
  addressPoolId: (z: Z) =>
    z.string().describe('The pool the subnet is carved from'),
  nodeSubnetPrefix: (z: Z) =>
    z
      .number()
      .describe(
        'Prefix of the node subnet (the pool’s, or larger when the nodes need it)',
      ),
  nodeSubnetCidr: (z: Z) =>
    z
      .string()
      .describe(
        'The subnet the cluster would get now (a later reservation may get another)',
      ),
  nodeSubnetMaxNodes: (z: Z) =>
    z
      .number()
      .describe(
        'Nodes the subnet holds, keeping room for the surge nodes of an upgrade',
      ),
  podCidr: (z: Z) =>
    z.string().describe('The pod CIDR (not routable outside the cluster)'),
  podCidrMaxNodes: (z: Z) =>
    z
      .number()
      .describe(
        'Nodes the pod CIDR serves: one /24 per node (a /16 serves 256)',
      ),
  podCapacity: (z: Z) =>
    z.number().describe('Pods the nodes can run: nodes × maxPods'),
  vnetIpsSavedVsFlat: (z: Z) =>
    z
      .number()
      .describe(
        'Node-subnet IPs overlay saves against flat Azure CNI for this cluster',
      ),
  acnsMonthlyCostUsd: (z: Z) =>
    z
      .number()
      .optional()
      .describe(
        'ACNS cost per month (nodes × $0.025 × 730 h), when ACNS observability is asked for',
      ),
  warnings: (z: Z) =>
    z
      .array(z.object({ field: z.string(), message: z.string() }))
      .describe('Findings that do not stop the cluster but should be read'),
};

/** The plan outputs of a planned request. */
export function planOutputs(planned: PlannedCluster) {
  const { plan, input, nodeSubnet, pool } = planned;
  return {
    addressPoolId: pool.id,
    nodeSubnetPrefix: nodeSubnet.prefix,
    nodeSubnetCidr: nodeSubnet.cidr,
    nodeSubnetMaxNodes: nodeSubnet.maxNodes,
    podCidr: plan.podCidr?.cidr ?? input.podCidr,
    podCidrMaxNodes: plan.podCidr?.maxNodes ?? 0,
    podCapacity: plan.podCapacity,
    vnetIpsSavedVsFlat: plan.vnetIpsSavedVsFlat,
    ...(input.acnsObservability
      ? { acnsMonthlyCostUsd: plan.acnsMonthlyCostUsd }
      : {}),
    warnings: planned.warnings,
  };
}
