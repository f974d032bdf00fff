import {
  aksClusterReadPermission,
  NETWORK_MODELS,
  NetworkModel,
  POSTURE_CHECK_NAMES,
  PostureCheckName,
} from '@aks-network/plugin-aks-network-common';
import { z } from 'zod';
import { authorizeCredentials } from '../router/authorize';
import { safeText } from '../router/inputText';
import { parseBody } from '../router/parseBody';
import {
  AksNetworkActionDeps,
  READ_ONLY_ACTION,
  wireOutput,
} from './actionDeps';

/**
 * A page an assistant can read whole: smaller than the fleet route's 500, since the
 * answer goes into a model's context; `totalCount` says when to ask for the next one.
 */
export const LIST_CLUSTERS_PAGE = { default: 25, max: 100 } as const;

// The owner reaches SQL (a bound value, still checked as the fleet route checks it).
const listClustersInput = z.object({
  networkModel: z
    .enum(NETWORK_MODELS as [NetworkModel, ...NetworkModel[]])
    .optional(),
  owner: safeText(256).optional(),
  failingCheck: z
    .enum(POSTURE_CHECK_NAMES as [PostureCheckName, ...PostureCheckName[]])
    .optional(),
  limit: z.number().int().min(1).max(LIST_CLUSTERS_PAGE.max).optional(),
  offset: z.number().int().min(0).max(1_000_000).optional(),
});

/**
 * `list-clusters`: the fleet's clusters as `GET /fleet/clusters` gives them, filtered
 * and paged in the database by the same service method.
 */
export function registerListClustersAction(deps: AksNetworkActionDeps) {
  deps.actionsRegistry.register({
    name: 'list-clusters',
    title: 'List AKS clusters of the fleet',
    description: [
      'The AKS clusters of the inventory, sorted by name, optionally only those of one network model, one owner, or where one security check fails or warns.',
      'Each cluster comes with its figures: node count, node and pod subnets with the IPs in use, the fullest subnet use ratio (above 1 an upgrade would not fit), pod CIDR use, the three check statuses, the monthly ACNS cost.',
      `A page holds at most ${LIST_CLUSTERS_PAGE.max} clusters (${LIST_CLUSTERS_PAGE.default} by default); totalCount is the number of clusters matching the filters, page on with offset.`,
    ].join(' '),
    attributes: READ_ONLY_ACTION,
    schema: {
      input: zod =>
        zod.object({
          networkModel: zod
            .enum(NETWORK_MODELS as [NetworkModel, ...NetworkModel[]])
            .optional()
            .describe(
              'Only clusters of this network model (azure-cni-overlay is Azure CNI Overlay).',
            ),
          owner: zod
            .string()
            .optional()
            .describe(
              "Only clusters whose owner tag is exactly this, e.g. 'team-payments'.",
            ),
          failingCheck: zod
            .enum(
              POSTURE_CHECK_NAMES as [PostureCheckName, ...PostureCheckName[]],
            )
            .optional()
            .describe(
              'Only clusters where this security check fails or warns (not where it is unknown): egressIngressMonitored, samePodToPodVisible or historyKept.',
            ),
          limit: zod
            .number()
            .optional()
            .describe(
              `Clusters per page, 1 to ${LIST_CLUSTERS_PAGE.max}; default ${LIST_CLUSTERS_PAGE.default}.`,
            ),
          offset: zod
            .number()
            .optional()
            .describe('Clusters to skip, for the next page; default 0.'),
        }),
      output: zod =>
        zod.object({
          items: zod
            .array(
              zod
                .object({
                  id: zod.string().describe("The cluster's ARM id."),
                  name: zod.string(),
                  entityRef: zod
                    .string()
                    .describe("The cluster's catalog entity."),
                  networkModel: zod.string().nullable(),
                  owner: zod.string().nullable(),
                  figures: zod
                    .object({})
                    .passthrough()
                    .describe(
                      'nodeCount, nodeSubnets and podSubnets (IPs in use), nodeSubnetUseRatio, podCidr, checks (status per security check), acnsMonthlyCostUsd.',
                    ),
                })
                .passthrough(),
            )
            .describe('This page of clusters.'),
          totalCount: zod
            .number()
            .describe('Clusters matching the filters, over every page.'),
          lastSync: zod
            .object({})
            .passthrough()
            .nullable()
            .describe(
              'The last finished inventory sync; null before the first.',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      // The fleet route's check: the basic read permission, anything but ALLOW refused
      // (a deny is an error, never an empty page).
      await authorizeCredentials(credentials, aksClusterReadPermission, deps);
      const query = parseBody(listClustersInput, input);
      const page = await deps.service.fleetClusters({
        ...query,
        limit: query.limit ?? LIST_CLUSTERS_PAGE.default,
      });
      return wireOutput(page);
    },
  });
}
