import { KnownManagedClusterSKUName } from '@azure/arm-containerservice';
import { startArmSimulator, ArmSimulator } from '../startArmSimulator';
import { rawRequest } from '../__testUtils__/rawRequest';
import { sdkClients } from '../__testUtils__/sdkClients';
import { SUB_A, testFleet } from '../__testUtils__/testFleet';

const AUTH = { headers: { Authorization: 'Bearer t' } };
const CLUSTERS = `/subscriptions/${SUB_A}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters`;
const SUBNETS = `/subscriptions/${SUB_A}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-weu/subnets`;
const AKS_API = 'api-version=2026-06-01';
const NETWORK_API = 'api-version=2026-01-01';

/** A managed cluster PUT body in REST shape (what the SDK serializes). */
function overlayCluster(subnet: string) {
  return {
    location: 'westeurope',
    sku: { name: KnownManagedClusterSKUName.Base, tier: 'Free' },
    properties: {
      dnsPrefix: 'aks',
      agentPoolProfiles: [
        {
          name: 'system',
          mode: 'System',
          count: 3,
          vmSize: 'Standard_D4ds_v5',
          vnetSubnetID: `${SUBNETS}/${subnet}`,
        },
      ],
      networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay' },
    },
  };
}

/** Polls an `Azure-AsyncOperation` URL until the status is no longer InProgress. */
async function settled(sim: ArmSimulator, statusUrl: string) {
  for (let i = 0; i < 100; i++) {
    const answer = await rawRequest(sim, 'GET', statusUrl, AUTH);
    if (answer.body.status !== 'InProgress') {
      return answer;
    }
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  throw new Error(`${statusUrl} stayed InProgress`);
}

describe('operation faults narrowed to a resource type and method', () => {
  let sim: ArmSimulator;
  const poll = { updateIntervalInMs: 10 };

  beforeAll(async () => {
    sim = await startArmSimulator({
      fleet: testFleet(),
      operationDurationMs: 40,
    });
  });
  beforeEach(() => sim.reset());
  afterAll(() => sim.close());

  async function subnet(name: string, prefix: string) {
    const { network } = sdkClients(sim, SUB_A);
    await network.subnets.beginCreateOrUpdateAndWait(
      'rg-net',
      'vnet-weu',
      name,
      { addressPrefix: prefix },
      poll,
    );
  }

  it("fails a managed cluster's PUT as AKS reports it, while its DELETE and a subnet of the same name run", async () => {
    sim.setFaults({
      failOperations: [
        {
          resourceNamePattern: 'doomed',
          resourceType: 'Microsoft.ContainerService/managedClusters',
          method: 'PUT',
          code: 'OverconstrainedAllocationRequest',
          message: 'Allocation failed.',
        },
      ],
    });
    // Not a managed cluster: the fault does not take it.
    await subnet('snet-doomed', '10.240.4.0/27');

    const put = await rawRequest(
      sim,
      'PUT',
      `${CLUSTERS}/aks-doomed?${AKS_API}`,
      {
        ...AUTH,
        body: overlayCluster('snet-doomed'),
      },
    );
    expect(put.body.error).toBeUndefined();
    expect(put.status).toBe(201);
    expect(put.body.properties.provisioningState).toBe('Creating');
    const status = await settled(
      sim,
      String(put.headers['azure-asyncoperation']),
    );
    // AKS's operation status: id, name, status, times and the error.
    expect(status.body).toMatchObject({
      id: expect.stringMatching(
        /\/providers\/Microsoft\.ContainerService\/locations\/westeurope\/operations\//,
      ),
      name: expect.any(String),
      status: 'Failed',
      startTime: expect.any(String),
      endTime: expect.any(String),
      error: {
        code: 'OverconstrainedAllocationRequest',
        message: 'Allocation failed.',
      },
    });
    const { containerService } = sdkClients(sim, SUB_A);
    expect(
      (await containerService.managedClusters.get('rg-aks', 'aks-doomed'))
        .provisioningState,
    ).toBe('Failed');

    // The fault names PUT: the failed cluster can be deleted.
    await containerService.managedClusters.beginDeleteAndWait(
      'rg-aks',
      'aks-doomed',
      poll,
    );
    await expect(
      containerService.managedClusters.get('rg-aks', 'aks-doomed'),
    ).rejects.toMatchObject({ statusCode: 404 });
  });

  it('keeps a stuck cluster PUT Creating: its subnet cannot be deleted, nor the cluster while it runs', async () => {
    sim.setFaults({
      stuckOperations: [
        {
          resourceNamePattern: '^aks-stuck$',
          resourceType: 'microsoft.containerservice/managedclusters',
          method: 'PUT',
        },
      ],
    });
    await subnet('snet-stuck', '10.240.4.32/27');
    const put = await rawRequest(
      sim,
      'PUT',
      `${CLUSTERS}/aks-stuck?${AKS_API}`,
      {
        ...AUTH,
        body: overlayCluster('snet-stuck'),
      },
    );
    expect(put.status).toBe(201);
    await new Promise(resolve => setTimeout(resolve, 150));
    const status = await rawRequest(
      sim,
      'GET',
      String(put.headers['azure-asyncoperation']),
      AUTH,
    );
    expect(status.body.status).toBe('InProgress');
    expect(status.headers['retry-after']).toBe('1');

    const deleteSubnet = await rawRequest(
      sim,
      'DELETE',
      `${SUBNETS}/snet-stuck?${NETWORK_API}`,
      AUTH,
    );
    expect(deleteSubnet.status).toBe(400);
    expect(deleteSubnet.body.error).toMatchObject({
      code: 'InUseSubnetCannotBeDeleted',
      message: expect.stringMatching(
        /^Subnet snet-stuck is in use by .* and cannot be deleted/,
      ),
    });
    const deleteCluster = await rawRequest(
      sim,
      'DELETE',
      `${CLUSTERS}/aks-stuck?${AKS_API}`,
      AUTH,
    );
    expect(deleteCluster.status).toBe(409);
    expect(deleteCluster.body.error.code).toBe('OperationNotAllowed');
  });

  it('ends a slow operation as usual, only later', async () => {
    sim.setFaults({
      slowOperations: [
        {
          resourceNamePattern: '^aks-slow$',
          method: 'PUT',
          durationMs: 600,
        },
      ],
    });
    await subnet('snet-slow', '10.240.4.64/27');
    const started = Date.now();
    const put = await rawRequest(
      sim,
      'PUT',
      `${CLUSTERS}/aks-slow?${AKS_API}`,
      {
        ...AUTH,
        body: overlayCluster('snet-slow'),
      },
    );
    const status = await settled(
      sim,
      String(put.headers['azure-asyncoperation']),
    );
    expect(status.body.status).toBe('Succeeded');
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
  });

  it('deletes a subnet as a long-running DELETE; an absent one is 204', async () => {
    await subnet('snet-gone', '10.240.4.96/27');
    const answer = await rawRequest(
      sim,
      'DELETE',
      `${SUBNETS}/snet-gone?${NETWORK_API}`,
      AUTH,
    );
    expect(answer.status).toBe(202);
    expect(answer.headers['azure-asyncoperation']).toMatch(
      /\/providers\/Microsoft\.Network\/locations\/westeurope\/operations\//,
    );
    expect(answer.headers.location).toMatch(/\/operationresults\//i);
    expect(
      (await settled(sim, String(answer.headers['azure-asyncoperation']))).body,
    ).toEqual({ status: 'Succeeded' });
    expect(sim.state.resource(`${SUBNETS}/snet-gone`)).toBeUndefined();

    const again = await rawRequest(
      sim,
      'DELETE',
      `${SUBNETS}/snet-gone?${NETWORK_API}`,
      AUTH,
    );
    expect(again.status).toBe(204);
    expect(sim.calls().byKind['DELETE subnets.delete']).toBe(2);

    // The SDK's own delete poller against the same route.
    await subnet('snet-sdk', '10.240.4.128/27');
    const { network } = sdkClients(sim, SUB_A);
    await network.subnets.beginDeleteAndWait(
      'rg-net',
      'vnet-weu',
      'snet-sdk',
      poll,
    );
    expect(sim.state.resource(`${SUBNETS}/snet-sdk`)).toBeUndefined();
  });

  it('fails a subnet DELETE when told, and the subnet stays, Failed', async () => {
    await subnet('snet-sticky', '10.240.4.160/27');
    sim.setFaults({
      failOperations: [
        {
          resourceNamePattern: '^snet-sticky$',
          method: 'DELETE',
          code: 'InternalServerError',
          message: 'An error occurred.',
        },
      ],
    });
    const { network } = sdkClients(sim, SUB_A);
    await expect(
      network.subnets.beginDeleteAndWait(
        'rg-net',
        'vnet-weu',
        'snet-sticky',
        poll,
      ),
    ).rejects.toThrow(/InternalServerError/);
    expect(
      sim.state.resource(`${SUBNETS}/snet-sticky`)?.properties,
    ).toMatchObject({
      provisioningState: 'Failed',
      addressPrefix: '10.240.4.160/27',
    });
  });

  it('refuses a subnet DELETE with IPs in use', async () => {
    // snet-flat holds 23 IPs of other NICs in the test fleet.
    const answer = await rawRequest(
      sim,
      'DELETE',
      `${SUBNETS}/snet-flat?${NETWORK_API}`,
      AUTH,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('InUseSubnetCannotBeDeleted');
    expect(sim.state.resource(`${SUBNETS}/snet-flat`)).toBeDefined();
  });
});
