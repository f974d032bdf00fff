import { randomUUID } from 'node:crypto';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ActionTestEnv,
  NONPROD,
  startActionTestEnv,
} from '../__testUtils__/actionTestEnv';
import { actionContext, CheckpointStore } from '../__testUtils__/actionContext';
import { armWrites, azureState } from '../__testUtils__/armWrites';
import { createClusterAction } from './createClusterAction';
import { createPlanAction } from './createPlanAction';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const POLICY = {
  clusterPolicy: {
    regions: ['westeurope', 'northeurope'],
    vmSizes: ['Standard_D4s_v5', 'Standard_D8s_v5'],
    nodeCount: { min: 1, max: 50 },
    kubernetesVersions: ['1.32', '1.33'],
  },
};

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

describe.each(databases.eachSupportedId())(
  'a cluster name that is taken, on %p',
  databaseId => {
    let env: ActionTestEnv;

    beforeAll(async () => {
      env = await startActionTestEnv(databases, databaseId, POLICY);
    });
    afterAll(async () => {
      await env?.stop();
    });
    beforeEach(() => {
      env.simulator.reset();
    });

    const values = (overrides: Record<string, unknown> = {}) => ({
      name: `aks-orders-${databaseId.slice(0, 2).toLowerCase()}-weu`,
      subscriptionId: NONPROD,
      resourceGroup: 'rg-aks-payments-dev',
      region: 'westeurope',
      addressPoolId: 'nonprod-weu',
      nodeCount: 3,
      vmSize: 'Standard_D4s_v5',
      owner: 'group:default/team-payments',
      ...overrides,
    });

    const create = () =>
      createClusterAction({
        settings: env.settings,
        backend: env.backend,
        provisioner: env.provisioner,
        permissions: mockServices.permissions({
          result: AuthorizeResult.ALLOW,
        }),
      });
    const plan = () =>
      createPlanAction({ backend: env.backend, azure: env.provisioner });

    /** The store and Azure as they are, to compare after a refusal. */
    async function snapshot() {
      return {
        reservations: await env.knex('reservations').select(),
        pools: await env.knex('address_pools').select(),
        azure: azureState(env.simulator),
        writes: armWrites(env.simulator).length,
      };
    }

    it('refuses the same values run again by another task, then with another pool, in a dry run and a plan; the first task may go on', async () => {
      const taskId = randomUUID();
      const checkpoints = new CheckpointStore();
      const first = actionContext(values(), { taskId, checkpoints });
      await create().handler(first.ctx as never);
      const clusterName = values().name;
      const expected = `name: cluster ${clusterName} already exists in resource group rg-aks-payments-dev (subscription ${NONPROD}); it was not created by this task, so nothing is reserved or written: choose another name`;

      const before = await snapshot();
      const runs: Array<[string, Promise<unknown>]> = [
        [
          'run 2: the same values',
          create().handler(actionContext(values()).ctx as never),
        ],
        [
          'run 3: another pool (another VNet)',
          create().handler(
            actionContext(
              values({
                addressPoolId: 'prod-weu',
              }),
            ).ctx as never,
          ),
        ],
        [
          'a dry run',
          create().handler(
            actionContext(values(), { dryRun: true }).ctx as never,
          ),
        ],
        [
          'the plan action',
          plan().handler(actionContext(values()).ctx as never),
        ],
      ];
      for (const [label, run] of runs) {
        const error = await rejectionOf(run);
        expect({ label, name: error.name, message: error.message }).toEqual({
          label,
          name: 'InputError',
          message: `Invalid cluster request:\n- ${expected}`,
        });
      }
      // Nothing reserved, no pool locked, nothing written to Azure.
      expect(await snapshot()).toEqual(before);

      // The task that made the cluster is retried: it plans and goes on, writing nothing.
      await plan().handler(actionContext(values(), { taskId }).ctx as never);
      const retry = actionContext(values(), { taskId, checkpoints });
      await create().handler(retry.ctx as never);
      expect(retry.outputs.clusterId).toBe(first.outputs.clusterId);
      expect(armWrites(env.simulator).length).toBe(before.writes);
    });

    it('lets a task recovered without its checkpoints go on with what it made, writing nothing twice', async () => {
      const taskId = randomUUID();
      const request = values({ name: `aks-recover-${databaseId.slice(0, 2)}` });
      const first = actionContext(request, { taskId });
      await create().handler(first.ctx as never);
      const writes = armWrites(env.simulator);

      // The same task, its stored checkpoints lost: reservation by the same key, the
      // subnet holding the reserved range, the cluster with the task's tag.
      const recovered = actionContext(request, {
        taskId,
        checkpoints: new CheckpointStore(),
      });
      await create().handler(recovered.ctx as never);
      expect(armWrites(env.simulator)).toEqual(writes);
      expect(recovered.outputs).toMatchObject({
        nodeSubnetId: first.outputs.nodeSubnetId,
        reservationId: first.outputs.reservationId,
      });
    });

    it('refuses a cluster of the seed fleet (no task made it), naming name', async () => {
      const before = await snapshot();
      const error = await rejectionOf(
        create().handler(
          actionContext(values({ name: 'aks-payments-dev-weu' })).ctx as never,
        ),
      );
      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(
        /^Invalid cluster request:\n- name: cluster aks-payments-dev-weu already exists in resource group rg-aks-payments-dev /,
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a resource group that does not exist, with the plan’s own problems', async () => {
      const before = await snapshot();
      const error = await rejectionOf(
        create().handler(
          actionContext(values({ resourceGroup: 'rg-nowhere', maxPods: 5 }))
            .ctx as never,
        ),
      );
      expect(error.name).toBe('InputError');
      const lines = error.message.split('\n- ').slice(1);
      expect(lines).toEqual(
        expect.arrayContaining([
          `resourceGroup: resource group rg-nowhere does not exist in subscription ${NONPROD}; AKS creates a cluster in an existing resource group`,
          expect.stringMatching(/^maxPods: /),
        ]),
      );
      expect(await snapshot()).toEqual(before);
    });
  },
);
