import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskRunner } from '@backstage/backend-plugin-api';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { ClusterRecord } from '@aks-network/plugin-aks-network-common';
import { SUBSCRIPTION_B, clusterRecord } from '../__fixtures__/clusterRecords';
import { AksClusterEntityProvider } from './AksClusterEntityProvider';
import { ClusterInventory } from './ClusterInventory';

function setup(options: {
  listClusters: ClusterInventory['listClusters'];
  config?: object;
}) {
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  const taskRunner: jest.Mocked<SchedulerServiceTaskRunner> = {
    run: jest.fn(),
  };
  const scheduler = mockServices.scheduler.mock({
    createScheduledTaskRunner: jest.fn().mockReturnValue(taskRunner),
  });
  const provider = AksClusterEntityProvider.fromConfig(
    mockServices.rootConfig({ data: options.config ?? {} }),
    { logger, scheduler, inventory: { listClusters: options.listClusters } },
  );
  const connection: jest.Mocked<EntityProviderConnection> = {
    applyMutation: jest.fn(),
    refresh: jest.fn(),
  };
  return { provider, connection, logger, scheduler, taskRunner };
}

const fleet = (): ClusterRecord[] => [
  clusterRecord(),
  clusterRecord({ subscriptionId: SUBSCRIPTION_B }),
  clusterRecord({
    name: 'aks-billing-legacy-weu',
    networkProfile: { networkPlugin: 'kubenet' },
  }),
];

describe('AksClusterEntityProvider', () => {
  it('schedules its refresh from config, with a default', async () => {
    const defaults = setup({ listClusters: jest.fn() });
    await defaults.provider.connect(defaults.connection);
    expect(defaults.scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(
      expect.objectContaining({
        frequency: { minutes: 1 },
        timeout: { seconds: 50 },
      }),
    );
    expect(defaults.taskRunner.run).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'aks-network:refresh' }),
    );
    expect(defaults.provider.getProviderName()).toBe('aks-network');

    const configured = setup({
      listClusters: jest.fn(),
      config: {
        catalog: {
          providers: {
            aksNetwork: {
              schedule: { frequency: { minutes: 5 }, timeout: { minutes: 3 } },
            },
          },
        },
      },
    });
    expect(configured.scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(
      expect.objectContaining({
        frequency: { minutes: 5 },
        timeout: { minutes: 3 },
      }),
    );
  });

  it('applies a full mutation after a complete sync', async () => {
    const { provider, connection } = setup({
      listClusters: async () => ({ items: fleet(), syncComplete: true }),
    });
    await provider.connect(connection);
    await expect(provider.refresh()).resolves.toEqual({
      applied: true,
      entityCount: 3,
    });
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const mutation = connection.applyMutation.mock.calls[0][0];
    if (mutation.type !== 'full') {
      throw new Error('expected a full mutation');
    }
    expect(
      new Set(mutation.entities.map(e => e.entity.metadata.name)).size,
    ).toBe(3);
    for (const deferred of mutation.entities) {
      expect(deferred.locationKey).toBe('aks-network:clusters');
      expect(deferred.entity.spec?.type).toBe('kubernetes-cluster');
    }
  });

  it('reads tag names and the default owner from config', async () => {
    const { provider, connection } = setup({
      listClusters: async () => ({
        items: [
          clusterRecord({ tags: { team: 'team-data' } }),
          clusterRecord({ name: 'x', tags: {} }),
        ],
        syncComplete: true,
      }),
      config: {
        catalog: {
          providers: {
            aksNetwork: { ownerTag: 'team', defaultOwner: 'sre' },
          },
        },
      },
    });
    await provider.connect(connection);
    await provider.refresh();
    const mutation = connection.applyMutation.mock.calls[0][0];
    const owners =
      mutation.type === 'full'
        ? mutation.entities.map(e => e.entity.spec?.owner)
        : [];
    expect(owners).toEqual(['group:default/team-data', 'group:default/sre']);
  });

  it('refuses an invalid default owner at startup', () => {
    expect(() =>
      setup({
        listClusters: jest.fn(),
        config: {
          catalog: {
            providers: { aksNetwork: { defaultOwner: 'Platform Team' } },
          },
        },
      }),
    ).toThrow(/defaultOwner/);
  });

  it('emits one entity for a cluster listed twice in different casing', async () => {
    const record = clusterRecord();
    const { provider, connection } = setup({
      listClusters: async () => ({
        items: [record, { ...record, id: record.id.toUpperCase() }],
        syncComplete: true,
      }),
    });
    await provider.connect(connection);
    await expect(provider.refresh()).resolves.toEqual({
      applied: true,
      entityCount: 1,
    });
  });

  it('applies no mutation when the last sync failed', async () => {
    const { provider, connection, logger } = setup({
      listClusters: async () => ({ items: [], syncComplete: false }),
    });
    await provider.connect(connection);
    await expect(provider.refresh()).resolves.toMatchObject({ applied: false });
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/not complete.*catalog left unchanged/),
    );
  });

  it('applies no mutation and does not throw when the inventory cannot be read', async () => {
    const { provider, connection, logger } = setup({
      listClusters: async () => {
        throw new Error('Request failed with 404 Not Found');
      },
    });
    await provider.connect(connection);
    await expect(provider.refresh()).resolves.toEqual({
      applied: false,
      reason:
        'the AKS network inventory could not be read: Request failed with 404 Not Found',
    });
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('adds a refreshed cluster at once with a delta mutation', async () => {
    const { provider, connection } = setup({ listClusters: jest.fn() });
    await provider.connect(connection);
    const record = clusterRecord({ name: 'aks-new-weu' });
    await provider.refreshCluster(record);
    expect(connection.applyMutation).toHaveBeenCalledWith({
      type: 'delta',
      added: [
        {
          entity: expect.objectContaining({
            metadata: expect.objectContaining({ title: 'aks-new-weu' }),
          }),
          locationKey: 'aks-network:clusters',
        },
      ],
      removed: [],
    });
  });

  it('removes clusters by ref in a delta mutation', async () => {
    const { provider, connection } = setup({ listClusters: jest.fn() });
    await provider.connect(connection);
    const record = clusterRecord();
    await provider.applyClusters({ added: [], removed: [record] });
    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(mutation).toEqual({
      type: 'delta',
      added: [],
      removed: [
        {
          entityRef: expect.stringMatching(
            /^resource:default\/aks-payments-prod-weu-[0-9a-f]{8}$/,
          ),
          locationKey: 'aks-network:clusters',
        },
      ],
    });
  });

  it('refuses to mutate before the catalog connected it', async () => {
    const { provider } = setup({ listClusters: jest.fn() });
    await expect(provider.refreshCluster(clusterRecord())).rejects.toThrow(
      /not connected/,
    );
  });

  describe('inventory events', () => {
    it('ignores events before the catalog connects, of unknown shape, and incomplete syncs', async () => {
      const listClusters = jest.fn(async () => ({
        items: fleet(),
        syncComplete: true,
      }));
      const { provider, connection, logger } = setup({ listClusters });
      await provider.handleInventoryEvent({
        type: 'clusters.refreshed',
        clusters: fleet(),
      });
      await provider.connect(connection);
      await provider.handleInventoryEvent({ type: 'clusters.refreshed' });
      await provider.handleInventoryEvent('sync.finished');
      await provider.handleInventoryEvent({
        type: 'sync.finished',
        runId: 7,
        complete: false,
      });
      expect(connection.applyMutation).not.toHaveBeenCalled();
      expect(listClusters).not.toHaveBeenCalled();
      expect(logger.warn).toHaveBeenCalledTimes(2);
      expect(logger.warn).toHaveBeenCalledWith(
        'Ignored an aks-network.inventory event of unknown shape',
      );
    });

    it('upserts refreshed clusters and runs a full refresh after a complete sync', async () => {
      const { provider, connection } = setup({
        listClusters: async () => ({ items: fleet(), syncComplete: true }),
      });
      await provider.connect(connection);
      const created = clusterRecord({ name: 'aks-new-weu' });
      await provider.handleInventoryEvent({
        type: 'clusters.refreshed',
        clusters: [created],
      });
      await provider.handleInventoryEvent({
        type: 'sync.finished',
        runId: 8,
        complete: true,
      });
      expect(connection.applyMutation).toHaveBeenCalledTimes(2);
      expect(connection.applyMutation.mock.calls[0][0]).toMatchObject({
        type: 'delta',
        added: [
          {
            entity: {
              metadata: { name: expect.stringMatching(/^aks-new-weu/) },
            },
          },
        ],
        removed: [],
      });
      expect(connection.applyMutation.mock.calls[1][0]).toMatchObject({
        type: 'full',
      });
    });

    it('applies a sync’s deltas, removals included, and no full refresh when the sync sent them', async () => {
      const listClusters = jest.fn(async () => ({
        items: fleet(),
        syncComplete: true,
      }));
      const { provider, connection } = setup({ listClusters });
      await provider.connect(connection);
      const changed = clusterRecord({ name: 'aks-upgraded' });
      const gone = clusterRecord({ name: 'aks-gone' });
      await provider.handleInventoryEvent({
        type: 'clusters.refreshed',
        clusters: [changed],
      });
      await provider.handleInventoryEvent({
        type: 'clusters.removed',
        clusters: [{ id: gone.id, name: gone.name }],
      });
      await provider.handleInventoryEvent({
        type: 'sync.finished',
        runId: 9,
        complete: true,
        changedClusterCount: 2,
      });
      // A sync that changed nothing sends only this, and the catalog does nothing.
      await provider.handleInventoryEvent({
        type: 'sync.finished',
        runId: 10,
        complete: true,
        changedClusterCount: 0,
      });
      expect(listClusters).not.toHaveBeenCalled();
      expect(connection.applyMutation).toHaveBeenCalledTimes(2);
      expect(connection.applyMutation.mock.calls[1][0]).toEqual({
        type: 'delta',
        added: [],
        removed: [
          {
            entityRef: expect.stringMatching(/^resource:default\/aks-gone-/),
            locationKey: 'aks-network:clusters',
          },
        ],
      });
    });

    it('ignores a removal event whose clusters carry no id or name', async () => {
      const { provider, connection } = setup({ listClusters: jest.fn() });
      await provider.connect(connection);
      await provider.handleInventoryEvent({
        type: 'clusters.removed',
        clusters: [{ name: 'aks-gone' }],
      });
      expect(connection.applyMutation).not.toHaveBeenCalled();
    });

    it('logs, never throws, when the catalog refuses the mutation', async () => {
      const { provider, connection, logger } = setup({
        listClusters: jest.fn(),
      });
      await provider.connect(connection);
      connection.applyMutation.mockRejectedValueOnce(new Error('db down'));
      await expect(
        provider.handleInventoryEvent({
          type: 'clusters.refreshed',
          clusters: [clusterRecord()],
        }),
      ).resolves.toBeUndefined();
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(/clusters\.refreshed not applied: db down/),
      );
    });
  });
});
