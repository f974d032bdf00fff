import { aksClusterReadPermission } from '@aks-network/plugin-aks-network-common';
import { z } from 'zod';
import { authorizeCredentials } from '../router/authorize';
import { safeText } from '../router/inputText';
import { parseBody } from '../router/parseBody';
import {
  AksNetworkActionDeps,
  READ_ONLY_ACTION,
  wireOutput,
} from './actionDeps';

// The pool id is looked up in the store, as the plan route's path parameter is (same
// bound, no control characters); the rest are types only, as in the route: common's
// rules check the values and each finding names its field.
const planInput = z.object({
  poolId: safeText(128),
  nodeCount: z.number().finite(),
  name: z.string().max(256).optional(),
  resourceGroup: z.string().max(256).optional(),
  vmSize: z.string().max(128).optional(),
  maxPods: z.number().finite().optional(),
  acnsObservability: z.boolean().optional(),
});

/**
 * `plan-overlay-cluster`: what `POST /address-pools/{poolId}/plan` answers, a dry
 * plan. The service's plan previews the subnet a reservation would get and holds
 * nothing (docs/domain.md#overlay-node-subnet for the sizing).
 */
export function registerPlanOverlayClusterAction(deps: AksNetworkActionDeps) {
  deps.actionsRegistry.register({
    name: 'plan-overlay-cluster',
    title: 'Plan an Azure CNI Overlay AKS cluster in an address pool',
    description: [
      'A dry plan of a new AKS cluster on Azure CNI Overlay in one address pool (an id such as nonprod-weu): the node subnet the pool would hand out now (CIDR, usable IPs, the nodes it holds with the upgrade surge), the pod CIDR, the pod capacity (nodes × maxPods), the node-subnet IPs overlay saves against flat Azure CNI, and the monthly ACNS cost.',
      'Findings name the input field a problem is about; valid is false when one is an error.',
      'Nothing is created or reserved: a later reservation may get another subnet.',
    ].join(' '),
    attributes: READ_ONLY_ACTION,
    schema: {
      input: zod =>
        zod.object({
          poolId: zod
            .string()
            .describe("The address pool's id, e.g. 'nonprod-weu'."),
          nodeCount: zod
            .number()
            .describe('Nodes of the cluster (the system node pool).'),
          name: zod
            .string()
            .optional()
            .describe(
              "The cluster's name; it names the node subnet. Its rules are checked only when given.",
            ),
          resourceGroup: zod
            .string()
            .optional()
            .describe("The cluster's resource group."),
          vmSize: zod
            .string()
            .optional()
            .describe(
              "The nodes' VM size, e.g. 'Standard_D4s_v5'; default the organisation's.",
            ),
          maxPods: zod
            .number()
            .optional()
            .describe(
              "Pods per node; default the organisation's (overlay allows up to 250).",
            ),
          acnsObservability: zod
            .boolean()
            .optional()
            .describe(
              'Whether ACNS observability (flow logs, same-node pod-to-pod visibility) would be on; its cost is given either way.',
            ),
        }),
      output: zod =>
        zod
          .object({
            poolId: zod.string(),
            valid: zod.boolean().describe('False when a finding is an error.'),
            cluster: zod
              .object({})
              .passthrough()
              .describe(
                'The cluster as it would be created, defaults applied: region, networkModel, networkDataplane, nodeCount, vmSize, maxPods, podCidr, serviceCidr, dnsServiceIp.',
              ),
            nodeSubnet: zod
              .object({
                name: zod.string(),
                cidr: zod.string(),
                prefix: zod.number(),
                usableIps: zod.number(),
                maxNodes: zod.number(),
              })
              .nullable()
              .describe(
                'The node subnet the pool would hand out now; null when the pool has no room or the nodes fit no Azure subnet.',
              ),
            podCidr: zod
              .object({ cidr: zod.string(), maxNodes: zod.number() })
              .nullable(),
            podCapacity: zod.number().describe('Pods the nodes can run.'),
            vnetIpsSavedVsFlat: zod
              .number()
              .describe(
                'Node-subnet IPs overlay saves against flat Azure CNI.',
              ),
            acnsMonthlyCostUsd: zod
              .number()
              .describe('ACNS for the nodes, US dollars per month.'),
            findings: zod
              .array(
                zod.object({
                  field: zod.string(),
                  severity: zod.string().describe('error or warning.'),
                  rule: zod.string(),
                  message: zod.string(),
                }),
              )
              .describe('Problems and warnings, each naming its input field.'),
          })
          .passthrough(),
    },
    action: async ({ input, credentials }) => {
      await authorizeCredentials(credentials, aksClusterReadPermission, deps);
      const { poolId, ...request } = parseBody(planInput, input);
      return wireOutput(
        await deps.service.planInPool(poolId, {
          ...request,
          networkModel: 'azure-cni-overlay',
        }),
      );
    },
  });
}
