import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import {
  ClusterRecord,
  LastSync,
} from '@aks-network/plugin-aks-network-common';
import { clusterRecord } from '../__fixtures__/clusterRecords';
import { AksNetworkInventoryClient } from './AksNetworkInventoryClient';

/**
 * A stand-in for the backend plugin's clusters route on a real HTTP server, so the
 * client's fetch, URL and headers are exercised as in production.
 */
class FakeInventoryRoute {
  requests: IncomingMessage[] = [];
  status = 200;
  clusters: ClusterRecord[] = [];
  lastSync: LastSync | null = sync(true, '2026-11-26T09:00:00.000Z');
  /** A totalCount that disagrees with the clusters, as while clusters are removed. */
  totalCountOverride?: number;
  /** Called after each page is served, to change the inventory mid-listing. */
  afterPage?: () => void;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.requests.push(req);
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== '/api/aks-network/clusters' || this.status !== 200) {
        const status = this.status === 200 ? 404 : this.status;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: { name: 'NotFoundError', message: 'no such route' },
            response: { statusCode: status },
          }),
        );
        return;
      }
      const limit = Number(url.searchParams.get('limit'));
      const offset = Number(url.searchParams.get('offset'));
      const body = {
        items: this.clusters
          .slice(offset, offset + limit)
          .map(record => ({ ...record, inventory: { networkModel: null } })),
        totalCount: this.totalCountOverride ?? this.clusters.length,
        lastSync: this.lastSync,
      };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
      this.afterPage?.();
    });
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api/aks-network`;
  }

  async stop() {
    await new Promise(resolve => this.server?.close(resolve));
  }
}

function sync(complete: boolean, finishedAt: string): LastSync {
  return {
    status: complete ? 'succeeded' : 'partial',
    complete,
    startedAt: finishedAt,
    finishedAt,
  };
}

const fleet = (count: number) =>
  Array.from({ length: count }, (_, i) => clusterRecord({ name: `aks-${i}` }));

describe('AksNetworkInventoryClient', () => {
  const route = new FakeInventoryRoute();
  let client: AksNetworkInventoryClient;
  const auth = mockServices.auth();

  beforeAll(async () => {
    const baseUrl = await route.start();
    client = new AksNetworkInventoryClient({
      discovery: {
        getBaseUrl: async () => baseUrl,
        getExternalBaseUrl: async () => baseUrl,
      },
      auth,
      pageSize: 2,
    });
  });
  afterAll(() => route.stop());
  beforeEach(() => {
    route.requests = [];
    route.status = 200;
    route.clusters = fleet(5);
    route.lastSync = sync(true, '2026-11-26T09:00:00.000Z');
    route.afterPage = undefined;
    route.totalCountOverride = undefined;
  });

  it('reads every page with a service token for aks-network', async () => {
    const snapshot = await client.listClusters();
    expect(snapshot.syncComplete).toBe(true);
    // Records, without the API's inventory block.
    expect(snapshot.items[0]).toEqual(route.clusters[0]);
    expect(snapshot.items.map(c => c.name)).toEqual([
      'aks-0',
      'aks-1',
      'aks-2',
      'aks-3',
      'aks-4',
    ]);
    expect(route.requests.map(r => r.url)).toEqual([
      '/api/aks-network/clusters?limit=2&offset=0',
      '/api/aks-network/clusters?limit=2&offset=2',
      '/api/aks-network/clusters?limit=2&offset=4',
    ]);
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'aks-network',
    });
    for (const request of route.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${token}`);
    }
  });

  it('reports an incomplete sync, and a missing one', async () => {
    route.lastSync = sync(false, '2026-11-26T09:00:00.000Z');
    await expect(client.listClusters()).resolves.toMatchObject({
      syncComplete: false,
    });
    route.lastSync = null;
    route.clusters = [];
    await expect(client.listClusters()).resolves.toEqual({
      items: [],
      syncComplete: false,
    });
  });

  it('does not call pages from two syncs complete', async () => {
    route.afterPage = () => {
      route.lastSync = sync(true, '2026-11-26T09:01:00.000Z');
    };
    await expect(client.listClusters()).resolves.toMatchObject({
      syncComplete: false,
    });
  });

  it('stops on an empty page even if totalCount promised more', async () => {
    route.clusters = fleet(2);
    route.totalCountOverride = 5;
    const snapshot = await client.listClusters();
    expect(snapshot.items).toHaveLength(2);
    expect(route.requests).toHaveLength(2);
  });

  it('throws a ResponseError while the route is missing (404)', async () => {
    route.status = 404;
    const error = await client.listClusters().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).statusCode).toBe(404);
  });
});
