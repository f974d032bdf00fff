import {
  ContainerServiceClient,
  ManagedCluster,
} from '@azure/arm-containerservice';
import {
  FlowLog,
  NetworkManagementClient,
  NetworkSecurityGroup,
  VirtualNetwork,
} from '@azure/arm-network';
import type { TokenCredential } from '@azure/core-auth';
import { createHttpHeaders, HttpClient } from '@azure/core-rest-pipeline';
import { collectAll } from '../collectAll';

/**
 * Resource Graph answers resources in ARM's REST shape (`properties` nested, the
 * provider's field names); the mapping in `src/mapping` is written against the SDK's
 * models (`properties` flattened, fields renamed such as `enableRbac` → `enableRBAC`).
 * The SDK's deserializers are not exported, so the rows go through the SDK's own list
 * operations over an in-memory HTTP client that answers `{ value: rows }`: the same
 * deserializer that reads ARM's answers on the ARM path, hence the same records.
 */

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

// The in-memory client never leaves the process; the credential only satisfies the SDK.
const credential: TokenCredential = {
  getToken: async () => ({
    token: 'in-memory',
    expiresOnTimestamp: Date.now() + 3600e3,
  }),
};

/** Rows handed to the next request of a decoding client, one list page at a time. */
class PageOfRows implements HttpClient {
  private rows: unknown[] = [];

  load(rows: unknown[]): void {
    this.rows = rows;
  }

  async sendRequest(request: Parameters<HttpClient['sendRequest']>[0]) {
    const body = JSON.stringify({ value: this.rows });
    this.rows = [];
    return {
      request,
      status: 200,
      headers: createHttpHeaders({ 'content-type': 'application/json' }),
      bodyAsText: body,
    };
  }
}

/** Decodes Resource Graph rows into the SDK models the mapping reads. */
export class SdkModels {
  private readonly page = new PageOfRows();
  private readonly containerService: ContainerServiceClient;
  private readonly network: NetworkManagementClient;
  // One decode at a time: the in-memory client holds one page.
  private queue: Promise<unknown> = Promise.resolve();

  constructor() {
    const options = {
      httpClient: this.page,
      endpoint: 'https://in-memory.invalid',
      retryOptions: { maxRetries: 0 },
    };
    this.containerService = new ContainerServiceClient(
      credential,
      SUBSCRIPTION,
      options,
    );
    this.network = new NetworkManagementClient(
      credential,
      SUBSCRIPTION,
      options,
    );
  }

  private decode<T>(rows: unknown[], list: () => AsyncIterable<T>) {
    const run = this.queue.then(async () => {
      if (rows.length === 0) {
        return [];
      }
      this.page.load(rows);
      return collectAll(list());
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  managedClusters(rows: unknown[]): Promise<ManagedCluster[]> {
    return this.decode(rows, () =>
      this.containerService.managedClusters.list(),
    );
  }

  virtualNetworks(rows: unknown[]): Promise<VirtualNetwork[]> {
    return this.decode(rows, () => this.network.virtualNetworks.listAll());
  }

  networkSecurityGroups(rows: unknown[]): Promise<NetworkSecurityGroup[]> {
    return this.decode(rows, () =>
      this.network.networkSecurityGroups.listAll(),
    );
  }

  flowLogs(rows: unknown[]): Promise<FlowLog[]> {
    return this.decode(rows, () =>
      this.network.flowLogs.list('in-memory', 'in-memory'),
    );
  }
}
