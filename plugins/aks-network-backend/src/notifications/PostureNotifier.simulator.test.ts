import { resolve } from 'node:path';
import {
  ArmSimulator,
  loadFleet,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
import { clusterEntityName } from '@aks-network/plugin-aks-network-node';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { databaseServiceFor } from '../database/__testUtils__/testStore';
import { AksNetworkService } from '../service/AksNetworkService';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const FLEET = resolve(__dirname, '../../../../examples/azure-fleet/fleet.yaml');
const TOKEN = 'notifier-test-token';
const PROD = '7d3c1f0a-2b4e-4c8d-9f1a-3e5b7c9d1f20';
const PAYMENTS = 'aks-payments-prod-weu';

/** A /24 of the payments VNet: eight /27s, none taken by a subnet of the seed fleet. */
const SMALL_POOL = {
  id: 'small-weu',
  subscriptionId: PROD,
  resourceGroup: 'rg-network-prod-weu',
  vnetName: 'vnet-prod-weu',
  region: 'westeurope',
  range: '10.240.200.0/24',
  subnetPrefix: 27,
};

/** Records what would reach the notifications backend. */
class RecordingNotifications implements NotificationService {
  sent: NotificationSendOptions[] = [];
  async send(options: NotificationSendOptions): Promise<void> {
    this.sent.push(options);
  }
  take(): NotificationSendOptions[] {
    const sent = this.sent;
    this.sent = [];
    return sent;
  }
}

describe('PostureNotifier after syncs of the seed fleet', () => {
  let simulator: ArmSimulator;
  let paymentsFlowLogId: string;

  beforeAll(async () => {
    simulator = await startArmSimulator({
      fleet: await loadFleet(FLEET),
      expectedToken: TOKEN,
      operationDurationMs: 5,
    });
  });
  afterAll(async () => {
    await simulator?.close();
  });
  beforeEach(() => {
    simulator.reset();
    const flowLog = simulator.state
      .resources('Microsoft.Network/networkWatchers/flowLogs')
      .find(resource =>
        String(
          (resource.properties as { targetResourceId?: string })
            ?.targetResourceId,
        ).endsWith('/subnets/snet-aks-payments-prod'),
      );
    if (!flowLog) {
      throw new Error(
        'the seed fleet has no flow log on snet-aks-payments-prod',
      );
    }
    paymentsFlowLogId = flowLog.id;
  });

  async function serviceOn(
    databaseId: TestDatabaseId,
    notifications: RecordingNotifications,
    settings: Record<string, unknown> = {},
  ) {
    return AksNetworkService.create({
      config: new ConfigReader({
        aksNetwork: {
          azure: {
            resourceManagerEndpoint: simulator.url,
            caCertificate: simulator.caCertificate,
            credential: { type: 'development', token: TOKEN },
            requests: { maxRetries: 0 },
          },
          addressPools: [SMALL_POOL],
          notifications: {
            addressPools: {
              minFreeSubnets: 5,
              recipients: ['team-platform'],
            },
            ...settings,
          },
        },
      }),
      logger: mockServices.logger.mock(),
      database: databaseServiceFor(await databases.init(databaseId)),
      scheduler: mockServices.scheduler.mock(),
      notifications,
    });
  }

  it.each(databases.eachSupportedId())(
    'tells the owner once when a flow log is turned off, nothing while it stays off, once when it is back (%p)',
    async databaseId => {
      const notifications = new RecordingNotifications();
      const service = await serviceOn(databaseId, notifications);

      // A fresh inventory's first sync stores what it found and tells no one, although
      // the seed fleet has failing checks and a pool under its threshold is not there.
      expect((await service.sync.run()).status).toBe('succeeded');
      expect(notifications.take()).toEqual([]);
      expect(
        (await service.store.listNotificationStates()).length,
      ).toBeGreaterThan(14 * 3);

      await service.sync.run();
      expect(notifications.take()).toEqual([]);

      simulator.setFlowLogEnabled(paymentsFlowLogId, false);
      await service.sync.run();
      const [lost, ...more] = notifications.take();
      expect(more).toEqual([]);
      const [payments] = (await service.store.listClusters({})).items.filter(
        cluster => cluster.record.name === PAYMENTS,
      );
      const entityName = clusterEntityName(payments.record);
      expect(lost).toEqual({
        recipients: {
          type: 'entity',
          entityRef: ['group:default/team-payments'],
        },
        payload: expect.objectContaining({
          title: `${PAYMENTS}: egress/ingress is no longer monitored`,
          link: `/catalog/default/resource/${entityName}`,
          severity: 'high',
          scope: `cluster${payments.record.id.toLowerCase()}/egressIngressMonitored`,
          topic: `${PAYMENTS} · egress/ingress monitored`,
        }),
      });
      // The reason is the posture's own finding.
      expect(lost.payload.description).toMatch(/flow log/i);

      // Still off: the state holds, nothing is sent.
      await service.sync.run();
      expect(notifications.take()).toEqual([]);

      simulator.setFlowLogEnabled(paymentsFlowLogId, true);
      await service.sync.run();
      const recovered = notifications.take();
      expect(recovered).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: ['group:default/team-payments'],
          },
          payload: expect.objectContaining({
            title: `${PAYMENTS}: egress/ingress is monitored again`,
            severity: 'normal',
            scope: lost.payload.scope,
          }),
        },
      ]);
      await service.sync.run();
      expect(notifications.take()).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'tells each owner once when its cluster turns stale (its subscription fails to read), and once when it is read again (%p)',
    async databaseId => {
      const notifications = new RecordingNotifications();
      const service = await serviceOn(databaseId, notifications);
      await service.sync.run();
      expect(notifications.take()).toEqual([]);
      const prod = (await service.store.listClusters({})).items.filter(
        cluster => cluster.record.subscriptionId.toLowerCase() === PROD,
      );
      expect(prod.length).toBeGreaterThan(2);
      expect(prod.every(cluster => cluster.owner)).toBe(true);

      simulator.setFaults({
        serverErrorRate: 1,
        pathPattern: `^/subscriptions/${PROD}/providers/Microsoft.ContainerService/managedClusters`,
      });
      expect((await service.sync.run()).status).toBe('partial');
      const stale = notifications.take();
      expect(stale.map(sent => sent.payload.title).sort()).toEqual(
        prod
          .map(cluster => `${cluster.record.name}: its inventory is stale`)
          .sort(),
      );
      expect(stale[0].payload.description).toMatch(
        /^Its subscription could not be read since /,
      );
      await service.sync.run();
      expect(notifications.take()).toEqual([]);

      simulator.setFaults({});
      await service.sync.run();
      expect(
        notifications
          .take()
          .map(sent => sent.payload.title)
          .sort(),
      ).toEqual(
        prod
          .map(
            cluster => `${cluster.record.name}: its inventory is fresh again`,
          )
          .sort(),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'tells the platform group once when a pool drops below its free subnets, and once when it has room again (%p)',
    async databaseId => {
      const notifications = new RecordingNotifications();
      const service = await serviceOn(databaseId, notifications);
      await service.sync.run();
      expect(notifications.take()).toEqual([]);

      // Eight /27s: four reservations leave four, under the five the platform keeps.
      const reservations = [];
      for (const key of ['a', 'b', 'c', 'd']) {
        reservations.push(
          await service.reserveSubnet(SMALL_POOL.id, {
            requestKey: key,
            owner: 'group:default/team-payments',
          }),
        );
      }
      await service.sync.run();
      const [low, ...more] = notifications.take();
      expect(more).toEqual([]);
      expect(low).toEqual({
        recipients: {
          type: 'entity',
          entityRef: ['group:default/team-platform'],
        },
        payload: expect.objectContaining({
          title: 'Address pool small-weu is running out of node subnets',
          severity: 'high',
          link: '/aks-network',
          scope: 'pool/small-weu/free-subnets',
        }),
      });
      expect(low.payload.description).toContain(
        '4 free /27 node subnet(s) of 8 in 10.240.200.0/24',
      );

      await service.sync.run();
      expect(notifications.take()).toEqual([]);

      await service.releaseReservation(reservations[0].id);
      await service.sync.run();
      expect(notifications.take()).toEqual([
        expect.objectContaining({
          payload: expect.objectContaining({
            title: 'Address pool small-weu has room again',
            severity: 'normal',
          }),
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'sends nothing when notifications are off, or the check is (%p)',
    async databaseId => {
      for (const settings of [
        { enabled: false },
        { checks: { egressIngressMonitored: false } },
      ]) {
        simulator.reset();
        const notifications = new RecordingNotifications();
        // A database of its own (TestDatabases.init makes a new one each call).
        const service = await serviceOn(databaseId, notifications, settings);
        await service.sync.run();
        simulator.setFlowLogEnabled(paymentsFlowLogId, false);
        await service.sync.run();
        expect(notifications.take()).toEqual([]);
      }
    },
  );
});
