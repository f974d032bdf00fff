import type { AzureProvisioner } from '@aks-network/plugin-aks-network-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { AksNetworkBackend } from '../backend/AksNetworkBackend';
import { clusterInputFields } from './clusterInput';
import { readClusterInput } from './clusterInputRules';
import { clusterTargetProblems } from './clusterTarget';
import { planOutputFields, planOutputs } from './planOutputs';
import { planActionExamples } from './planAction.examples';
import { planClusterRequest } from './planClusterRequest';

/**
 * `aks-network:plan`: plans a cluster request with the backend's plan route (policy,
 * address pool, common's rules against the pool's VNet) and outputs its network plan.
 * Like the create action it checks the input before any call and refuses a cluster
 * name that is taken (one GET, with the backend's Azure credential), unless this same
 * task made that cluster (a retried task plans again). Side-effect free, so a dry run
 * does the same as a run.
 *
 * @public
 */
export function createPlanAction(deps: {
  backend: AksNetworkBackend;
  /** Where the action looks the cluster up. */
  azure: Pick<AzureProvisioner, 'lookUpCluster'>;
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
      const input = readClusterInput(ctx.input);
      const credentials = await ctx.getInitiatorCredentials();
      const targetProblems = await clusterTargetProblems(
        deps.azure,
        input,
        ctx.task.id,
      );
      const planned = await planClusterRequest(input, {
        backend: deps.backend,
        credentials,
        problems: targetProblems,
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
