import { ClusterRecord } from '@aks-network/plugin-aks-network-common';
import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ClusterInventory,
  ClusterInventorySnapshot,
} from '../provider/ClusterInventory';

/** The backend plugin's id, which is also its route prefix (`/api/aks-network`). */
const INVENTORY_PLUGIN_ID = 'aks-network';
const DEFAULT_PAGE_SIZE = 200;

/**
 * One page of `GET /api/aks-network/clusters?limit&offset`, as this client assumes the
 * backend plugin answers (the route is specified by the backend's OpenAPI document;
 * keep the two in step): the clusters of the page, how many there are in all, and the
 * outcome of the last sync (`null` before the first one).
 *
 * @public
 */
export interface ClusterListPage {
  items: ClusterRecord[];
  totalCount: number;
  lastSync: { complete: boolean; finishedAt: string } | null;
}

function isClusterListPage(value: unknown): value is ClusterListPage {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const page = value as Record<string, unknown>;
  const lastSync = page.lastSync;
  return (
    Array.isArray(page.items) &&
    typeof page.totalCount === 'number' &&
    (lastSync === null ||
      lastSync === undefined ||
      (typeof lastSync === 'object' &&
        typeof (lastSync as Record<string, unknown>).complete === 'boolean'))
  );
}

/**
 * Reads the cluster inventory from the AKS network backend plugin over HTTP, with
 * service-to-service auth (DESIGN: backend packages talk to each other over the
 * backend plugin's HTTP API, not through its tables).
 *
 * @public
 */
export class AksNetworkInventoryClient implements ClusterInventory {
  private readonly discovery: DiscoveryService;
  private readonly auth: AuthService;
  private readonly pageSize: number;

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    /** Clusters per request; 200 by default. */
    pageSize?: number;
  }) {
    this.discovery = options.discovery;
    this.auth = options.auth;
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  }

  /**
   * Every cluster, page by page. The snapshot counts as complete only if the last sync
   * was complete and no sync finished while the pages were read: pages from two syncs
   * could miss or double a cluster, and the next scheduled refresh will read a
   * consistent set.
   */
  async listClusters(): Promise<ClusterInventorySnapshot> {
    const baseUrl = await this.discovery.getBaseUrl(INVENTORY_PLUGIN_ID);
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: INVENTORY_PLUGIN_ID,
    });

    const items: ClusterRecord[] = [];
    let firstSync: ClusterListPage['lastSync'] | undefined;
    let consistent = true;
    for (let offset = 0; ; ) {
      const page = await this.fetchPage(baseUrl, token, offset);
      const sync = page.lastSync ?? null;
      if (firstSync === undefined) {
        firstSync = sync;
      } else if (sync?.finishedAt !== firstSync?.finishedAt) {
        consistent = false;
      }
      items.push(...page.items);
      offset += page.items.length;
      // An empty page ends the loop even if totalCount promised more (clusters
      // removed while paging), so it cannot spin.
      if (page.items.length === 0 || offset >= page.totalCount) {
        break;
      }
    }
    return {
      items,
      syncComplete: consistent && firstSync?.complete === true,
    };
  }

  private async fetchPage(
    baseUrl: string,
    token: string,
    offset: number,
  ): Promise<ClusterListPage> {
    const url = `${baseUrl}/clusters?limit=${this.pageSize}&offset=${offset}`;
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body: unknown = await response.json();
    if (!isClusterListPage(body)) {
      throw new Error(
        `${url} did not return a cluster list ({ items, totalCount, lastSync })`,
      );
    }
    return body;
  }
}
