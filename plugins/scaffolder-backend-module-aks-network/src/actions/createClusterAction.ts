import {
  AKS_CLUSTER_ENTITY_TYPE,
  aksClusterCreatePermission,
  ClusterTagNames,
  DEFAULT_CLUSTER_TAG_NAMES,
  FLOW_EXPORT_TOOL_IDS,
} from '@aks-network/plugin-aks-network-common';
import {
  azurePortalResourceUrl,
  clusterEntityRef,
  managedClusterId,
} from '@aks-network/plugin-aks-network-node';
import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { AksNetworkBackend } from '../backend/AksNetworkBackend';
import type { ProvisioningSettings } from '../config/ProvisioningSettings';
import {
  ClusterProvisioner,
  commitNodeSubnet,
  createNodeSubnet,
  createOverlayCluster,
  progressLogger,
  refreshInventory,
  StepContext,
  waitForCatalogEntity,
} from './clusterCreationSteps';
import { clusterInputFields } from './clusterInput';
import { readCreateClusterInput } from './clusterInputRules';
import { clusterTargetProblems } from './clusterTarget';
import { createClusterActionExamples } from './createClusterAction.examples';
import { planOutputFields, planOutputs } from './planOutputs';
import { planClusterRequest } from './planClusterRequest';

/**
 * What the cluster create action needs.
 *
 * @public
 */
export interface CreateClusterActionDeps {
  settings: ProvisioningSettings;
  /**
   * The tags a new cluster's owner, system, components and flow export are written to
   * (`aksNetwork.tags`, readClusterTagNames), the ones the sync and the catalog read.
   * Default: common's `DEFAULT_CLUSTER_TAG_NAMES`.
   */
  tagNames?: ClusterTagNames;
  backend: AksNetworkBackend;
  provisioner: ClusterProvisioner;
  permissions: PermissionsService;
  /**
   * Where the action waits for the new cluster's entity before it completes (so the
   * task's link to it works); without one it does not wait.
   */
  catalog?: Pick<CatalogService, 'getEntityByRef'>;
}

/** A user without the create permission is refused before anything happens. */
async function requireCreatePermission(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission: aksClusterCreatePermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Missing permission ${aksClusterCreatePermission.name}: nothing was planned, reserved or created`,
    );
  }
}

/**
 * `aks-network:cluster:create`: reserves a node subnet in an address pool, creates it,
 * creates the AKS cluster on Azure CNI Overlay, commits the reservation and refreshes
 * the inventory so the cluster is in the catalog at once. Each side effect is a
 * checkpoint, so a retried or recovered task creates nothing twice.
 *
 * Before anything is reserved or written: the input is checked (what reaches an ARM
 * URL by common's rules), the create permission, and one GET of the cluster: a cluster
 * of that name this task did not make refuses the request, with the plan's problems.
 * A create that fails for good removes what this task made (see
 * `cleanUpFailedCluster`).
 *
 * @public
 */
export function createClusterAction(deps: CreateClusterActionDeps) {
  return createTemplateAction({
    id: 'aks-network:cluster:create',
    description:
      'Creates an AKS cluster on Azure CNI Overlay: carves the node subnet out of an address pool, creates it, creates the cluster (organisation pod CIDR, service CIDR, DNS IP, maxPods, optional ACNS observability, owner/system/component tags, declared flow export), waits for it, and puts it in the catalog.',
    examples: createClusterActionExamples,
    supportsDryRun: true,
    schema: {
      input: {
        ...clusterInputFields,
        owner: z =>
          z
            .string()
            .describe(
              'Owner entity ref (e.g. group:default/team-payments): the cluster’s owner tag',
            ),
        system: z =>
          z.string().optional().describe('System entity ref: the system tag'),
        components: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Components that will run on the cluster: the component tag',
            ),
        // Text, not an enum: the handler refuses an unknown id naming the field and the
        // known ones, as it does every other field.
        flowExport: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              `Pod flow-export tools the cluster runs (${FLOW_EXPORT_TOOL_IDS.join(
                ', ',
              )}): the flow-export tag. Declared, not verified: the posture shows them apart from what Azure detects`,
            ),
      },
      output: {
        ...planOutputFields,
        clusterId: z => z.string().describe('ARM resource id of the cluster'),
        portalUrl: z => z.string().describe('The cluster in the Azure portal'),
        entityRef: z =>
          z
            .string()
            .describe(
              `The cluster’s catalog entity (Resource, ${AKS_CLUSTER_ENTITY_TYPE})`,
            ),
        nodeSubnetId: z =>
          z
            .string()
            .optional()
            .describe('ARM id of the node subnet (absent in a dry run)'),
        reservationId: z =>
          z
            .string()
            .optional()
            .describe('The node subnet’s reservation in the address pool'),
      },
    },
    async handler(ctx) {
      // Checked before any call: nothing unchecked reaches an ARM URL.
      const input = readCreateClusterInput(ctx.input);
      const credentials = await ctx.getInitiatorCredentials();
      await requireCreatePermission(deps.permissions, credentials);
      const targetProblems = await clusterTargetProblems(
        deps.provisioner,
        input,
        ctx.task.id,
      );
      const planned = await planClusterRequest(input, {
        backend: deps.backend,
        credentials,
        problems: targetProblems,
      });
      const plan = planOutputs(planned);
      for (const [name, value] of Object.entries(plan)) {
        ctx.output(name as keyof typeof plan, value as never);
      }
      for (const warning of plan.warnings) {
        ctx.logger.warn(`${warning.field}: ${warning.message}`);
      }
      const { pool, nodeSubnet } = planned;
      const { settings } = deps;
      const v = planned.input;
      const clusterId = managedClusterId(
        v.subscriptionId,
        v.resourceGroup,
        v.name,
      );
      ctx.output('clusterId', clusterId);
      ctx.output(
        'portalUrl',
        azurePortalResourceUrl(settings.portalBaseUrl, clusterId),
      );
      const entityRef = clusterEntityRef({ id: clusterId, name: v.name });
      ctx.output('entityRef', entityRef);

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would reserve ${nodeSubnet.cidr} in ${pool.id}, create subnet ${nodeSubnet.name} in ${pool.vnetName} and cluster ${clusterId}; nothing was reserved or created`,
        );
        return;
      }

      const step: StepContext = {
        backend: deps.backend,
        provisioner: deps.provisioner,
        settings,
        tagNames: deps.tagNames ?? DEFAULT_CLUSTER_TAG_NAMES,
        credentials,
        logger: ctx.logger,
        taskId: ctx.task.id,
        signal: ctx.signal,
        progress: progressLogger(ctx.logger),
        checkpoint: ctx.checkpoint,
      };
      const subnet = await createNodeSubnet(step, planned);
      ctx.output('nodeSubnetId', subnet.id);
      ctx.output('nodeSubnetCidr', subnet.cidr);
      ctx.output('reservationId', subnet.reservationId);
      await createOverlayCluster(step, planned, input, subnet, clusterId);
      await commitNodeSubnet(step, subnet, clusterId);
      await refreshInventory(step, clusterId);
      if (deps.catalog) {
        await waitForCatalogEntity(step, deps.catalog, entityRef, {
          timeoutMs: settings.catalogWaitMs,
        });
      }
    },
  });
}
