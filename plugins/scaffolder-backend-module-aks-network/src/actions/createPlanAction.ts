import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { AksNetworkBackend } from '../backend/AksNetworkBackend';
import { ClusterInput, clusterInputFields } from './clusterInput';
import { planOutputFields, planOutputs } from './planOutputs';
import { planActionExamples } from './planAction.examples';
import { planClusterRequest } from './planClusterRequest';

/**
 * `aks-network:plan`: plans a cluster request with the backend's plan route (policy,
 * address pool, common's rules against the pool's VNet) and outputs its network plan.
 * Side-effect free, so a dry run does the same as a run.
 *
 * @public
 */
export function createPlanAction(deps: { backend: AksNetworkBackend }) {
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
      const planned = await planClusterRequest(ctx.input as ClusterInput, {
        backend: deps.backend,
        credentials: await ctx.getInitiatorCredentials(),
      });
      const outputs = planOutputs(planned);
      ctx.logger.info(
        `Plan for ${planned.input.name}: node subnet /${outputs.nodeSubnetPrefix} (${outputs.nodeSubnetCidr} in ${outputs.addressPoolId}) holds ${outputs.nodeSubnetMaxNodes} nodes with surge; pod CIDR ${outputs.podCidr} serves ${outputs.podCidrMaxNodes} nodes; ${outputs.vnetIpsSavedVsFlat} VNet IPs saved against flat Azure CNI`,
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
