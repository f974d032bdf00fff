import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import type { ClusterRecord } from '@aks-network/plugin-aks-network-common';
// The real backend plugin next to the module, as packages/backend runs them: test
// wiring only.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import aksNetworkPlugin, {
  AksNetworkService,
  aksNetworkServiceRef,
} from '@aks-network/plugin-aks-network-backend';
import request from 'supertest';
import {
  SUBSCRIPTION_A,
  SUBSCRIPTION_B,
  clusterRecord,
} from './__fixtures__/clusterRecords';
import { catalogModuleAksNetwork } from './module';

jest.setTimeout(60_000);

/**
 * The backend plugin and the catalog module in one backend, joined by the real events
 * service (in-process bus): what `packages/backend` runs. Azure is a table; the
 * catalog is a recording connection.
 */
describe('inventory events from the backend plugin to the catalog module', () => {
  const fleet: Record<string, ClusterRecord[]> = {
    [SUBSCRIPTION_A]: [clusterRecord()],
    [SUBSCRIPTION_B]: [],
  };
  const running: Array<{ stop(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map(backend => backend.stop()));
  });

  async function start() {
    const providers: EntityProvider[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          {
            addEntityProvider: (
              ...p: Array<EntityProvider | EntityProvider[]>
            ) => providers.push(...p.flat()),
          },
        ],
      ],
      features: [
        aksNetworkPlugin,
        catalogModuleAksNetwork,
        eventsServiceFactory,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            events: { useEventBus: 'never' },
            aksNetwork: {
              azure: {
                resourceManagerEndpoint: 'https://127.0.0.1:7443',
                credential: { type: 'development', token: 'test-token' },
              },
            },
          },
        }),
        // Nothing runs at start-up, so the catalog module's schedule never fires here
        // (only events move entities); the plugin's sync runs when a full refresh
        // triggers its task, as on the real scheduler.
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        createServiceFactory({
          service: aksNetworkServiceRef,
          deps: {
            config: coreServices.rootConfig,
            logger: coreServices.logger,
            database: coreServices.database,
            scheduler: coreServices.scheduler,
            events: eventsServiceRef,
          },
          factory: deps =>
            AksNetworkService.create({
              ...deps,
              azure: {
                vnetSubnets: {
                  readVnet: async () => ({
                    addressSpace: [],
                    subnetPrefixes: [],
                  }),
                },
                subscriptions: {
                  listSubscriptionIds: async () => Object.keys(fleet),
                },
                reader: {
                  readSubscription: async id => ({
                    clusters: fleet[id] ?? [],
                    complete: true,
                    errors: [],
                    partialClusterIds: [],
                  }),
                },
              },
            }),
        }),
      ],
    });
    running.push(backend);
    const mutations: Array<
      | { type: 'full'; entities: DeferredEntity[] }
      | { type: 'delta'; added: DeferredEntity[]; removed: unknown[] }
    > = [];
    const connection: EntityProviderConnection = {
      applyMutation: async mutation => {
        mutations.push(mutation as (typeof mutations)[number]);
      },
      refresh: async () => {},
    };
    await providers[0].connect(connection);
    return { server: backend.server, mutations };
  }

  it('upserts a refreshed cluster at once, without a full mutation', async () => {
    const { server, mutations } = await start();
    const created = clusterRecord({
      subscriptionId: SUBSCRIPTION_B,
      name: 'aks-new-overlay',
      tags: { owner: 'team-new' },
    });
    fleet[SUBSCRIPTION_B] = [created];

    const res = await request(server)
      .post('/api/aks-network/refresh')
      .set('Authorization', mockCredentials.service.header())
      .send({ clusterId: created.id });
    expect(res.status).toBe(200);

    // The event is delivered before the refresh route answers (in-process bus).
    expect(mutations).toHaveLength(1);
    const [mutation] = mutations;
    expect(mutation.type).toBe('delta');
    const added = mutation.type === 'delta' ? mutation.added : [];
    expect(added.map(d => d.entity.metadata.annotations)).toEqual([
      expect.objectContaining({
        'management.azure.com/resourceId': created.id,
        'aks.azure.com/network-model': 'azure-cni-overlay',
      }),
    ]);
    expect(added[0].entity.spec).toMatchObject({
      type: 'kubernetes-cluster',
      owner: 'group:default/team-new',
    });
  });

  it('sends a complete sync’s new clusters to the catalog as deltas, with no full mutation', async () => {
    const { server, mutations } = await start();
    const res = await request(server)
      .post('/api/aks-network/refresh')
      .set('Authorization', mockCredentials.service.header())
      .send({});
    expect(res.status).toBe(200);
    expect(res.body.lastSync).toMatchObject({ complete: true });

    // Every cluster was new, so each came as a delta; the sync's end then tells the
    // module the deltas were all, and it reads nothing back.
    expect(mutations.filter(m => m.type === 'full')).toEqual([]);
    const added = mutations.flatMap(m => (m.type === 'delta' ? m.added : []));
    expect(
      added
        .map(
          d =>
            d.entity.metadata.annotations?.['management.azure.com/resourceId'],
        )
        .sort(),
    ).toEqual(
      Object.values(fleet)
        .flat()
        .map(c => c.id)
        .sort(),
    );
  });
});
