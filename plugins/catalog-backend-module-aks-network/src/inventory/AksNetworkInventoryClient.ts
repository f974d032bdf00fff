import {
  AksNetworkApi,
  AksNetworkClient,
  AKS_NETWORK_PLUGIN_ID,
  ClusterRecord,
  LastSync,
} from '@aks-network/plugin-aks-network-common';
import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import {
  ClusterInventory,
  ClusterInventorySnapshot,
} from '../provider/ClusterInventory';

const DEFAULT_PAGE_SIZE = 200;

/**
 * Reads the cluster inventory from the AKS network backend plugin over HTTP, through
 * common's typed client with service-to-service auth (docs/domain.md#api-client: backend packages talk to
 * each other over the backend plugin's HTTP API, not through its tables).
 *
 * @public
 */
export class AksNetworkInventoryClient implements ClusterInventory {
  private readonly api: AksNetworkApi;
  private readonly auth: AuthService;
  private readonly pageSize: number;

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    /** Clusters per request; 200 by default. */
    pageSize?: number;
  }) {
    this.api = new AksNetworkClient({ discoveryApi: options.discovery });
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
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: AKS_NETWORK_PLUGIN_ID,
    });

    const items: ClusterRecord[] = [];
    let firstSync: LastSync | null | undefined;
    let consistent = true;
    for (let offset = 0; ; ) {
      const page = await this.api.listClusters(
        { limit: this.pageSize, offset },
        { token },
      );
      const sync = page.lastSync ?? null;
      if (firstSync === undefined) {
        firstSync = sync;
      } else if (sync?.finishedAt !== firstSync?.finishedAt) {
        consistent = false;
      }
      // The provider makes entities of the records; the inventory block stays here.
      items.push(
        ...page.items.map(({ inventory: _inventory, ...record }) => record),
      );
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
}
