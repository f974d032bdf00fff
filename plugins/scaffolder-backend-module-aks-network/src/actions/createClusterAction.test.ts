import { randomUUID } from 'node:crypto';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ActionTestEnv,
  NONPROD,
  startActionTestEnv,
} from '../__testUtils__/actionTestEnv';
import { actionContext, CheckpointStore } from '../__testUtils__/actionContext';
import { createClusterAction } from './createClusterAction';
import { clusterEntityName } from '@aks-network/plugin-aks-network-node';

jest.setTimeout(120_000);

// Task ids as the scaffolder makes them (UUIDs).
const SUCCESS_TASK = randomUUID();
const RETRIED_TASK = randomUUID();

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** What the policy of these tests allows (aksNetwork.clusterPolicy). */
const POLICY = {
  clusterPolicy: {
    regions: ['westeurope', 'northeurope'],
    vmSizes: ['Standard_D4s_v5', 'Standard_D8s_v5'],
    nodeCount: { min: 1, max: 50 },
    kubernetesVersions: ['1.32', '1.33'],
  },
};

/** Rejection value of a promise that must reject. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

describe.each(databases.eachSupportedId())(
  'aks-network:cluster:create on %p',
  databaseId => {
    let env: ActionTestEnv;
    let counter = 0;

    beforeAll(async () => {
      env = await startActionTestEnv(databases, databaseId, POLICY);
    });
    afterAll(async () => {
      await env?.stop();
    });
    beforeEach(() => {
      env.simulator.reset();
    });

    /** A fresh cluster name per test: reservations of earlier tests stay in the store. */
    function input(overrides: Record<string, unknown> = {}) {
      counter += 1;
      return {
        // As long as AKS allows (63): keys and names built from it are tested at
        // their longest.
        name: `aks-ledger-${counter}-${databaseId
          .toLowerCase()
          .slice(0, 4)}-`.padEnd(63, 'x'),
        subscriptionId: NONPROD,
        resourceGroup: 'rg-aks-payments-dev',
        region: 'westeurope',
        addressPoolId: 'nonprod-weu',
        nodeCount: 3,
        vmSize: 'Standard_D4s_v5',
        kubernetesVersion: '1.33',
        acnsObservability: true,
        owner: 'group:default/team-payments',
        system: 'system:default/payments',
        components: ['payments-api', 'payments-worker'],
        ...overrides,
      };
    }

    function action(
      result:
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    ) {
      return createClusterAction({
        settings: env.settings,
        backend: env.backend,
        provisioner: env.provisioner,
        permissions: mockServices.permissions({ result }),
      });
    }

    /** ARM writes the simulator received, by kind (`PUT subnets.createOrUpdate`, …). */
    function writes(): string[] {
      return env.simulator
        .calls()
        .log.filter(call => call.method === 'PUT' && call.status < 300)
        .map(call => call.kind);
    }

    const reservationRows = () => env.knex('reservations').select();

    it('creates the subnet and an overlay cluster, commits the subnet and puts it in the inventory', async () => {
      const request = input();
      const { ctx, outputs } = actionContext(request, { taskId: SUCCESS_TASK });
      await action().handler(ctx as never);

      const clusterId = `/subscriptions/${NONPROD}/resourceGroups/rg-aks-payments-dev/providers/Microsoft.ContainerService/managedClusters/${request.name}`;
      expect(outputs).toMatchObject({
        clusterId,
        portalUrl: `https://portal.azure.com/#@/resource${clusterId}/overview`,
        // The name the catalog module gives the cluster's entity (cut to fit 63).
        entityRef: `resource:default/${clusterEntityName({
          id: clusterId,
          name: request.name,
        })}`,
        addressPoolId: 'nonprod-weu',
        nodeSubnetPrefix: 27,
        nodeSubnetMaxNodes: 26,
        podCidr: '10.244.0.0/16',
        podCidrMaxNodes: 256,
        podCapacity: 90,
        acnsMonthlyCostUsd: 54.75,
      });
      const subnetId = outputs.nodeSubnetId as string;
      expect(subnetId).toMatch(
        new RegExp(
          `/virtualNetworks/vnet-nonprod-weu/subnets/snet-${request.name.slice(
            0,
            49,
          )}-[0-9a-f]{8}$`,
        ),
      );
      expect(outputs.nodeSubnetCidr).toMatch(
        /^10\.250\.(1[6-9]|2\d|3[01])\.\d+\/27$/,
      );

      const cluster = env.simulator.state.resource(clusterId)!;
      expect(cluster.properties).toMatchObject({
        provisioningState: 'Succeeded',
        kubernetesVersion: '1.33',
        networkProfile: {
          networkPlugin: 'azure',
          networkPluginMode: 'overlay',
          podCidr: '10.244.0.0/16',
          serviceCidr: '10.0.0.0/16',
          dnsServiceIP: '10.0.0.10',
          advancedNetworking: {
            enabled: true,
            observability: { enabled: true },
          },
        },
        agentPoolProfiles: [
          expect.objectContaining({
            name: 'system',
            count: 3,
            maxPods: 30,
            vmSize: 'Standard_D4s_v5',
            vnetSubnetID: subnetId,
          }),
        ],
      });
      expect(cluster.tags).toEqual({
        owner: 'group:default/team-payments',
        system: 'system:default/payments',
        component: 'payments-api,payments-worker',
        'backstage-task': SUCCESS_TASK,
      });
      // No flowExport asked for: no flow-export tag, so nothing is declared.
      expect(cluster.tags).not.toHaveProperty('aks-network-flow-export');
      expect(env.simulator.state.resource(subnetId)?.properties).toMatchObject({
        addressPrefix: outputs.nodeSubnetCidr,
        provisioningState: 'Succeeded',
      });

      const [reservation] = await env
        .knex('reservations')
        .where({ id: outputs.reservationId });
      expect(reservation).toMatchObject({
        state: 'committed',
        cidr: outputs.nodeSubnetCidr,
        subnet_id: subnetId,
      });
      // Refreshed into the inventory, which is what the catalog reads.
      const inventory = await env
        .knex('clusters')
        .whereRaw('lower(resource_id) = ?', [clusterId.toLowerCase()]);
      expect(inventory).toHaveLength(1);
    });

    it('writes the owner, system and components under the configured tag names (aksNetwork.tags)', async () => {
      const request = input();
      const taskId = randomUUID();
      const { ctx, outputs } = actionContext(request, { taskId });
      await createClusterAction({
        settings: env.settings,
        tagNames: { owner: 'team', system: 'app', component: 'parts' },
        backend: env.backend,
        provisioner: env.provisioner,
        permissions: mockServices.permissions({
          result: AuthorizeResult.ALLOW,
        }),
      }).handler(ctx as never);
      expect(
        env.simulator.state.resource(outputs.clusterId as string)?.tags,
      ).toEqual({
        team: 'group:default/team-payments',
        app: 'system:default/payments',
        parts: 'payments-api,payments-worker',
        'backstage-task': taskId,
      });
    });

    it('declares the flow export it is given in the flow-export tag (docs/domain.md#declared-controls)', async () => {
      const request = input({ flowExport: ['tetragon', 'linkerd'] });
      const { ctx, outputs } = actionContext(request, { taskId: randomUUID() });
      await action().handler(ctx as never);
      // The default tag name (common's DEFAULT_CLUSTER_TAG_NAMES.flowExport), the ids
      // comma-separated as the sync's parseFlowExportTag reads them.
      expect(
        env.simulator.state.resource(outputs.clusterId as string)?.tags,
      ).toMatchObject({
        owner: 'group:default/team-payments',
        'aks-network-flow-export': 'tetragon,linkerd',
      });
    });

    it('writes each declared tool once, in common order, under the configured flow-export tag', async () => {
      const request = input({ flowExport: ['linkerd', 'tetragon', 'linkerd'] });
      const { ctx, outputs } = actionContext(request, { taskId: randomUUID() });
      await createClusterAction({
        settings: env.settings,
        tagNames: {
          owner: 'owner',
          system: 'system',
          component: 'component',
          flowExport: 'flows',
        },
        backend: env.backend,
        provisioner: env.provisioner,
        permissions: mockServices.permissions({
          result: AuthorizeResult.ALLOW,
        }),
      }).handler(ctx as never);
      const tags = env.simulator.state.resource(
        outputs.clusterId as string,
      )?.tags;
      expect(tags).toMatchObject({ flows: 'tetragon,linkerd' });
      expect(tags).not.toHaveProperty('aks-network-flow-export');
    });

    it('waits for the new entity in the catalog before it completes, and only warns when it is late', async () => {
      const asked: string[] = [];
      let lookups = 0;
      // The catalog has the entity from the third look on, as after its processing.
      const catalog = {
        getEntityByRef: async (ref: unknown) => {
          asked.push(String(ref));
          lookups += 1;
          return lookups >= 3
            ? ({ kind: 'Resource', metadata: { name: 'x' } } as never)
            : undefined;
        },
      };
      const withCatalog = (timeoutMs: number) =>
        createClusterAction({
          settings: { ...env.settings, catalogWaitMs: timeoutMs },
          backend: env.backend,
          provisioner: env.provisioner,
          permissions: mockServices.permissions({
            result: AuthorizeResult.ALLOW,
          }),
          catalog,
        });

      const { ctx, outputs } = actionContext(input());
      await withCatalog(10_000).handler(ctx as never);
      expect(lookups).toBe(3);
      expect(new Set(asked)).toEqual(new Set([outputs.entityRef]));

      // Never there within the wait: the task still succeeds, the cluster exists.
      lookups = -1_000;
      const late = actionContext(input());
      await withCatalog(300).handler(late.ctx as never);
      expect(
        env.simulator.state.resource(late.outputs.clusterId as string)
          ?.properties,
      ).toMatchObject({ provisioningState: 'Succeeded' });
      expect(lookups).toBeLessThan(0);
    });

    it('plans and validates in a dry run, and reserves and creates nothing', async () => {
      const before = await reservationRows();
      const { ctx, outputs } = actionContext(input(), { dryRun: true });
      await action().handler(ctx as never);

      expect(outputs).toMatchObject({
        nodeSubnetPrefix: 27,
        nodeSubnetCidr: expect.stringMatching(/^10\.250\./),
        clusterId: expect.stringContaining('/managedClusters/aks-ledger-'),
      });
      expect(outputs.nodeSubnetId).toBeUndefined();
      expect(writes()).toEqual([]);
      expect(await reservationRows()).toEqual(before);
    });

    it('creates one subnet and one cluster when the task is retried after the subnet step', async () => {
      const request = input();
      const checkpoints = new CheckpointStore();
      // First run: the backend "restarts" while the cluster step runs — the step
      // never returns, as a process that died.
      const crashed = new CheckpointStore();
      const { ctx: first } = actionContext(request, {
        taskId: RETRIED_TASK,
        checkpoints: crashed,
      });
      let reachedCluster = false;
      first.checkpoint = async <T>(opts: {
        key: string;
        fn: () => Promise<T> | T;
      }): Promise<T> => {
        if (opts.key === 'cluster') {
          reachedCluster = true;
          return new Promise<T>(() => {});
        }
        return crashed.checkpoint(opts);
      };
      void action().handler(first as never);
      for (let i = 0; i < 200 && !reachedCluster; i++) {
        await new Promise(r => setTimeout(r, 25));
      }
      expect(reachedCluster).toBe(true);
      expect(writes()).toEqual(['subnets.createOrUpdate']);

      // The scaffolder resumes the task from its stored checkpoints.
      for (const [key, value] of crashed.values) {
        checkpoints.values.set(key, value);
      }
      const { ctx: second, outputs } = actionContext(request, {
        taskId: RETRIED_TASK,
        checkpoints,
      });
      await action().handler(second as never);

      expect(checkpoints.runs).toEqual(['cluster', 'commit-node-subnet']);
      expect(writes().sort()).toEqual([
        'managedClusters.createOrUpdate',
        'subnets.createOrUpdate',
      ]);
      expect(
        env.simulator.state
          .subnets()
          .filter(subnet =>
            subnet.name.startsWith(`snet-${request.name.slice(0, 49)}-`),
          ),
      ).toHaveLength(1);
      expect(
        env.simulator.state.clusters().filter(c => c.name === request.name),
      ).toHaveLength(1);
      const [reservation] = await env
        .knex('reservations')
        .where({ id: outputs.reservationId });
      expect(reservation.state).toBe('committed');
    });

    it('completes through a storm of 429s on 30% of the calls', async () => {
      env.simulator.setFaults({
        seed: 7,
        throttleRate: 0.3,
        throttleRetryAfterSeconds: 0,
      });
      const { ctx, outputs } = actionContext(input());
      await action().handler(ctx as never);
      expect(env.simulator.calls().byStatus['429']).toBeGreaterThan(0);
      expect(
        env.simulator.state.resource(outputs.clusterId as string)?.properties,
      ).toMatchObject({ provisioningState: 'Succeeded' });
    });

    it('refuses a user without the create permission before anything happens', async () => {
      const before = await reservationRows();
      const { ctx } = actionContext(input());
      const error = await rejectionOf(
        action(AuthorizeResult.DENY).handler(ctx as never),
      );
      expect(error).toMatchObject({ name: 'NotAllowedError' });
      expect(error.message).toMatch(/aks-network\.cluster\.create/);
      expect(env.simulator.calls().total).toBe(0);
      expect(await reservationRows()).toEqual(before);
    });
  },
);
