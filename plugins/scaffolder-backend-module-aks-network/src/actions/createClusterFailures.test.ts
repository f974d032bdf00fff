import { randomUUID } from 'node:crypto';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ActionTestEnv,
  NONPROD,
  startActionTestEnv,
} from '../__testUtils__/actionTestEnv';
import { actionContext, CheckpointStore } from '../__testUtils__/actionContext';
import { armWrites, countOf } from '../__testUtils__/armWrites';
import type { ProvisioningSettings } from '../config/ProvisioningSettings';
import { createClusterAction } from './createClusterAction';

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

const CLUSTER_TYPE = 'Microsoft.ContainerService/managedClusters';
const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';
const PUT_SUBNET = 'PUT subnets.createOrUpdate';
const PUT_CLUSTER = 'PUT managedClusters.createOrUpdate';
const DELETE_SUBNET = 'DELETE subnets.delete';
const DELETE_CLUSTER = 'DELETE managedClusters.delete';

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

describe.each(databases.eachSupportedId())(
  'a create that fails for good, on %p',
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

    /** A short name per test: its node subnet is `snet-aks-<name>`. */
    function input() {
      counter += 1;
      return {
        name: `aks-fail-${databaseId.slice(0, 2).toLowerCase()}-${counter}`,
        subscriptionId: NONPROD,
        resourceGroup: 'rg-aks-payments-dev',
        region: 'westeurope',
        addressPoolId: 'nonprod-weu',
        nodeCount: 3,
        vmSize: 'Standard_D4s_v5',
        owner: 'group:default/team-payments',
      };
    }

    function action(settings: Partial<ProvisioningSettings> = {}) {
      return createClusterAction({
        settings: { ...env.settings, ...settings },
        backend: env.backend,
        provisioner: env.provisioner,
        permissions: mockServices.permissions({
          result: AuthorizeResult.ALLOW,
        }),
      });
    }

    const clusterIdOf = (name: string) =>
      `/subscriptions/${NONPROD}/resourceGroups/rg-aks-payments-dev/providers/Microsoft.ContainerService/managedClusters/${name}`;
    const subnetIdOf = (name: string) =>
      `/subscriptions/${NONPROD}/resourceGroups/rg-network-nonprod-weu/providers/Microsoft.Network/virtualNetworks/vnet-nonprod-weu/subnets/snet-aks-${name}`;
    const reservation = async (id: unknown) =>
      (await env.knex('reservations').where({ id: String(id) }))[0];
    const subnetsNamed = (name: string) =>
      env.simulator.state
        .subnets()
        .filter(subnet => subnet.name === `snet-aks-${name}`);

    it('removes the failed cluster and its subnet, releases the reservation, and a retry creates each once', async () => {
      const request = input();
      const clusterId = clusterIdOf(request.name);
      const subnetId = subnetIdOf(request.name);
      env.simulator.setFaults({
        failOperations: [
          {
            resourceNamePattern: `^${request.name}$`,
            resourceType: CLUSTER_TYPE,
            method: 'PUT',
            code: 'OverconstrainedAllocationRequest',
            message:
              'Allocation failed. VM(s) with the following constraints cannot be allocated.',
          },
        ],
      });
      const taskId = randomUUID();
      const checkpoints = new CheckpointStore();
      const first = actionContext(request, { taskId, checkpoints });
      const error = await rejectionOf(action().handler(first.ctx as never));

      expect(error).toMatchObject({
        name: 'ClusterCreationError',
        step: 'create-cluster',
        code: 'OverconstrainedAllocationRequest',
        existing: [],
      });
      const cidr = first.outputs.nodeSubnetCidr as string;
      expect(error.message).toBe(
        `Step create-cluster failed: OverconstrainedAllocationRequest: Allocation failed. VM(s) with the following constraints cannot be allocated. ` +
          `Removed what this task had made: cluster ${clusterId} (its create Failed); node subnet ${subnetId} (${cidr}). ` +
          `Nothing of this task is left in Azure. ` +
          `Reservation ${first.outputs.reservationId} (${cidr}) released.`,
      );
      // Both deletions were awaited: gone when the task fails.
      expect(env.simulator.state.resource(clusterId)).toBeUndefined();
      expect(env.simulator.state.resource(subnetId)).toBeUndefined();
      expect((await reservation(first.outputs.reservationId)).state).toBe(
        'released',
      );
      expect(armWrites(env.simulator)).toEqual([
        PUT_SUBNET,
        PUT_CLUSTER,
        DELETE_CLUSTER,
        DELETE_SUBNET,
      ]);

      // Azure has capacity again; the user retries the task (same id, same state).
      env.simulator.setFaults({});
      const before = armWrites(env.simulator);
      const retry = actionContext(request, { taskId, checkpoints });
      await action().handler(retry.ctx as never);
      const retryWrites = armWrites(env.simulator).slice(before.length);
      expect(countOf(retryWrites, PUT_SUBNET)).toBe(1);
      expect(countOf(retryWrites, PUT_CLUSTER)).toBe(1);
      expect(subnetsNamed(request.name)).toHaveLength(1);
      expect(
        env.simulator.state.clusters().filter(c => c.name === request.name),
      ).toHaveLength(1);
      expect(checkpoints.runs).toContain('node-subnet-2');
      // The same reservation, held again and committed to the new subnet.
      expect(retry.outputs.reservationId).toBe(first.outputs.reservationId);
      expect(await reservation(retry.outputs.reservationId)).toMatchObject({
        state: 'committed',
        subnet_id: retry.outputs.nodeSubnetId,
      });
    });

    it('fails a create that never ends after clusterTimeout, releases the reservation, names what is left, and a retry writes nothing again', async () => {
      const request = input();
      const clusterId = clusterIdOf(request.name);
      const subnetId = subnetIdOf(request.name);
      env.simulator.setFaults({
        stuckOperations: [
          {
            resourceNamePattern: `^${request.name}$`,
            resourceType: CLUSTER_TYPE,
            method: 'PUT',
          },
        ],
      });
      const taskId = randomUUID();
      const checkpoints = new CheckpointStore();
      const first = actionContext(request, { taskId, checkpoints });
      const started = Date.now();
      const error = await rejectionOf(
        action({ clusterTimeoutMs: 1_500 }).handler(first.ctx as never),
      );

      expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
      expect(error).toMatchObject({
        name: 'ClusterCreationError',
        step: 'create-cluster',
        code: 'OperationTimedOut',
        removed: [],
      });
      const cidr = first.outputs.nodeSubnetCidr as string;
      expect(error.message).toContain(
        'createCluster did not finish within 2 s (last state: running)',
      );
      expect(error.message).toContain(
        `Left in Azure, not deleted: cluster ${clusterId} (Creating in Azure, which may still finish it; not deleted while its operation runs); node subnet ${subnetId} (${cidr}): the cluster above is on it.`,
      );
      expect(error.message).toContain(
        `Reservation ${first.outputs.reservationId} (${cidr}) released.`,
      );
      expect((await reservation(first.outputs.reservationId)).state).toBe(
        'released',
      );
      expect(env.simulator.state.resource(subnetId)).toBeDefined();
      expect(armWrites(env.simulator)).toEqual([PUT_SUBNET, PUT_CLUSTER]);

      // Retried while Azure is still at it: it waits for that cluster, writes nothing.
      const retry = actionContext(request, { taskId, checkpoints });
      const again = await rejectionOf(
        action({ clusterTimeoutMs: 1_000 }).handler(retry.ctx as never),
      );
      expect(again).toMatchObject({ code: 'OperationTimedOut' });
      expect(again.message).toContain('waitForCluster did not finish');
      expect(armWrites(env.simulator)).toEqual([PUT_SUBNET, PUT_CLUSTER]);
    });

    it('goes on with a create that outlived its time limit and then ended: no second PUT', async () => {
      const request = input();
      env.simulator.setFaults({
        slowOperations: [
          {
            resourceNamePattern: `^${request.name}$`,
            resourceType: CLUSTER_TYPE,
            method: 'PUT',
            durationMs: 2_500,
          },
        ],
      });
      const taskId = randomUUID();
      const checkpoints = new CheckpointStore();
      const first = actionContext(request, { taskId, checkpoints });
      await expect(
        action({ clusterTimeoutMs: 800 }).handler(first.ctx as never),
      ).rejects.toMatchObject({ code: 'OperationTimedOut' });

      const retry = actionContext(request, { taskId, checkpoints });
      await action().handler(retry.ctx as never);
      expect(armWrites(env.simulator)).toEqual([PUT_SUBNET, PUT_CLUSTER]);
      expect(
        env.simulator.state.resource(clusterIdOf(request.name))?.properties,
      ).toMatchObject({ provisioningState: 'Succeeded' });
      // Released at the failure, committed by the retry: the subnet holds its range.
      expect(await reservation(retry.outputs.reservationId)).toMatchObject({
        state: 'committed',
        subnet_id: subnetIdOf(request.name),
      });
    });

    it('names the subnet left by ARM id when its deletion fails, and a retry reuses it', async () => {
      const request = input();
      const subnetId = subnetIdOf(request.name);
      env.simulator.setFaults({
        failOperations: [
          {
            resourceNamePattern: `^${request.name}$`,
            resourceType: CLUSTER_TYPE,
            method: 'PUT',
            code: 'QuotaExceeded',
            message:
              'Operation could not be completed as it results in exceeding approved standardDSv5Family Cores quota.',
          },
          {
            resourceNamePattern: `^snet-aks-${request.name}$`,
            resourceType: SUBNET_TYPE,
            method: 'DELETE',
            code: 'InternalServerError',
            message: 'An error occurred.',
          },
        ],
      });
      const taskId = randomUUID();
      const checkpoints = new CheckpointStore();
      const first = actionContext(request, { taskId, checkpoints });
      const error = await rejectionOf(action().handler(first.ctx as never));

      const cidr = first.outputs.nodeSubnetCidr as string;
      expect(error).toMatchObject({
        name: 'ClusterCreationError',
        code: 'QuotaExceeded',
        removed: [`cluster ${clusterIdOf(request.name)} (its create Failed)`],
        existing: [
          `node subnet ${subnetId} (${cidr}): deleting it failed: InternalServerError: An error occurred`,
        ],
      });
      expect(error.message).toContain(
        `Left in Azure, not deleted: node subnet ${subnetId} (${cidr}): deleting it failed: InternalServerError: An error occurred.`,
      );
      expect(env.simulator.state.resource(subnetId)).toBeDefined();
      expect((await reservation(first.outputs.reservationId)).state).toBe(
        'released',
      );

      env.simulator.setFaults({});
      const retry = actionContext(request, { taskId, checkpoints });
      await action().handler(retry.ctx as never);
      const writes = armWrites(env.simulator);
      expect(countOf(writes, PUT_SUBNET)).toBe(1);
      expect(countOf(writes, PUT_CLUSTER)).toBe(2);
      expect(retry.outputs.nodeSubnetId).toBe(subnetId);
      expect(await reservation(retry.outputs.reservationId)).toMatchObject({
        state: 'committed',
        subnet_id: subnetId,
      });
    });

    it('never deletes or overwrites a subnet that existed before the task', async () => {
      const request = input();
      const subnetId = subnetIdOf(request.name);
      // Someone's subnet with the name the plan gives the node subnet.
      await env.provisioner.createSubnet({
        subscriptionId: NONPROD,
        resourceGroup: 'rg-network-nonprod-weu',
        vnetName: 'vnet-nonprod-weu',
        subnetName: `snet-aks-${request.name}`,
        addressPrefix: '10.250.200.0/27',
        timeoutMs: 10_000,
      });
      const before = armWrites(env.simulator);
      const { ctx, outputs } = actionContext(request);
      const error = await rejectionOf(action().handler(ctx as never));

      expect(error).toMatchObject({
        name: 'ClusterCreationError',
        step: 'create-node-subnet',
      });
      expect(error.message).toContain(
        `subnet snet-aks-${request.name} already exists in VNet vnet-nonprod-weu (10.250.200.0/27), not with the range reserved for this task (`,
      );
      expect(error.message).toContain(
        '); it is left as it is. Nothing was created in Azure.',
      );
      expect(armWrites(env.simulator)).toEqual(before);
      expect(env.simulator.state.resource(subnetId)?.properties).toMatchObject({
        addressPrefix: '10.250.200.0/27',
      });
      expect(outputs.reservationId).toBeUndefined();
      const rows = await env
        .knex('reservations')
        .where('request_key', 'like', `%:${request.name}`);
      expect(rows.map(row => row.state)).toEqual(['released']);
    });
  },
);
