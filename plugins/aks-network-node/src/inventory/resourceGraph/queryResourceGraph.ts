import type { ResourceGraphClient } from '@azure/arm-resourcegraph';

/**
 * The queries the inventory sends, one per kind of resource, across every subscription
 * of a pass. Resource Graph stores types lower case and `=~` compares without case.
 * `order by id` keeps the rows of a query in one order across its pages.
 */
export const RESOURCE_GRAPH_QUERIES = {
  /** Which of the requested subscriptions Resource Graph reads for this credential. */
  subscriptions:
    "ResourceContainers | where type =~ 'microsoft.resources/subscriptions' | order by id asc",
  managedClusters:
    "Resources | where type =~ 'microsoft.containerservice/managedclusters' | order by id asc",
  /** VNets hold their subnets inline, as their GET does. */
  network:
    "Resources | where type in~ ('microsoft.network/virtualnetworks', 'microsoft.network/networksecuritygroups') | order by id asc",
  flowLogs:
    "Resources | where type =~ 'microsoft.network/networkwatchers/flowlogs' | order by id asc",
} as const;

/** Resource Graph answers at most 1,000 rows a page. */
export const MAX_RESOURCE_GRAPH_PAGE_ROWS = 1000;

/**
 * Resource Graph takes at most 1,000 subscriptions in one request; more are batched
 * (https://learn.microsoft.com/azure/governance/resource-graph/troubleshoot/general#scenario-too-many-subscriptions).
 */
export const MAX_RESOURCE_GRAPH_SUBSCRIPTIONS = 1000;

/** A row of an `objectArray` answer. */
export type ResourceGraphRow = Record<string, unknown>;

/** Every row of one query and the pages (requests) it took. */
export interface ResourceGraphQueryResult {
  rows: ResourceGraphRow[];
  pages: number;
}

/**
 * Runs `query` over `subscriptionIds`, `pageSize` rows a page, following `$skipToken`
 * to the last page. A failure of any page rejects: a query read in part is not used.
 */
export async function queryResourceGraph(
  client: ResourceGraphClient,
  query: string,
  subscriptionIds: readonly string[],
  options: {
    pageSize: number;
    signal?: AbortSignal;
    /** Told of every page answered, so pages of a query that then fails still count. */
    onPage?: () => void;
  },
): Promise<ResourceGraphQueryResult> {
  const rows: ResourceGraphRow[] = [];
  let pages = 0;
  for (
    let start = 0;
    start < subscriptionIds.length;
    start += MAX_RESOURCE_GRAPH_SUBSCRIPTIONS
  ) {
    const subscriptions = subscriptionIds.slice(
      start,
      start + MAX_RESOURCE_GRAPH_SUBSCRIPTIONS,
    );
    let skipToken: string | undefined;
    do {
      options.signal?.throwIfAborted();
      const answer = await client.resources(
        {
          subscriptions,
          query,
          options: {
            top: options.pageSize,
            skipToken,
            resultFormat: 'objectArray',
          },
        },
        { abortSignal: options.signal },
      );
      pages += 1;
      options.onPage?.();
      if (Array.isArray(answer.data)) {
        rows.push(...(answer.data as ResourceGraphRow[]));
      }
      skipToken = answer.skipToken || undefined;
    } while (skipToken);
  }
  return { rows, pages };
}
