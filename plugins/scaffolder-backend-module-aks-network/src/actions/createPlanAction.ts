import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { AksNetworkBackendApi } from '../backend/AksNetworkBackendApi';
import type { ClusterPolicy } from '../config/ClusterPolicy';
import { ClusterInput, clusterInputFields } from './clusterInput';
import { planOutputFields, planOutputs } from './planOutputs';
import { planActionExamples } from './planAction.examples';
import { validateClusterRequest } from './validateClusterRequest';

/**
 * `aks-network:plan`: validates a cluster request (policy, address pool, common's rules,
 * the backend's plan route) and outputs its network plan. Side-effect free, so a dry
 * run does the same as a run.
 *
 * @public
 */
export function createPlanAction(deps: {
  policy: ClusterPolicy;
  backend: AksNetworkBackendApi;
}) {
  return createTemplateAction({
    id: 'aks-network:plan',
    description:
      'Plans the network of an AKS cluster on Azure CNI Overlay: node subnet size and the subnet it would get from the address pool, node and pod capacity, VNet IPs saved against flat Azure CNI, and the ACNS cost. Creates nothing.',
    examples: planActionExamples,
    supportsDryRun: true,
    schema: {
      input: clusterInputFields,
      output: planOutputFields,
    },
    async handler(ctx) {
      const validated = await validateClusterRequest(
        ctx.input as ClusterInput,
        {
          policy: deps.policy,
          backend: deps.backend,
          credentials: await ctx.getInitiatorCredentials(),
        },
      );
      const outputs = planOutputs(validated);
      ctx.logger.info(
        `Plan for ${validated.input.name}: node subnet /${outputs.nodeSubnetPrefix} (${outputs.nodeSubnetCidr} in ${outputs.addressPoolId}) holds ${outputs.nodeSubnetMaxNodes} nodes with surge; pod CIDR ${outputs.podCidr} serves ${outputs.podCidrMaxNodes} nodes; ${outputs.vnetIpsSavedVsFlat} VNet IPs saved against flat Azure CNI`,
      );
      for (const warning of outputs.warnings) {
        ctx.logger.warn(`${warning.field}: ${warning.message}`);
      }
      for (const [name, value] of Object.entries(outputs)) {
        ctx.output(name as keyof typeof outputs, value as never);
      }
    },
  });
}
