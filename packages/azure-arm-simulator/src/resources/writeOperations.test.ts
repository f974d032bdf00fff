import { KnownManagedClusterSKUName } from '@azure/arm-containerservice';
import { startArmSimulator, ArmSimulator } from '../startArmSimulator';
import { rawRequest } from '../__testUtils__/rawRequest';
import { sdkClients } from '../__testUtils__/sdkClients';
import { SUB_A, testFleet } from '../__testUtils__/testFleet';

const subnetId = (name: string) =>
  `/subscriptions/${SUB_A}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-weu/subnets/${name}`;

const CLUSTER_PATH = `/subscriptions/${SUB_A}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters`;

function overlayCluster(
  name: string,
  subnet: string,
  overrides: { podCidr?: string; count?: number; maxPods?: number } = {},
) {
  return {
    location: 'westeurope',
    tags: { owner: 'team-a' },
    sku: { name: KnownManagedClusterSKUName.Base, tier: 'Free' },
    dnsPrefix: name,
    agentPoolProfiles: [
      {
        name: 'system',
        mode: 'System',
        count: overrides.count ?? 3,
        maxPods: overrides.maxPods ?? 30,
        vmSize: 'Standard_D4ds_v5',
        vnetSubnetID: subnetId(subnet),
      },
    ],
    networkProfile: {
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      podCidr: overrides.podCidr,
    },
  };
}

describe('ARM writes through the real SDK clients', () => {
  let sim: ArmSimulator;
  const poll = { updateIntervalInMs: 10 };

  beforeAll(async () => {
    sim = await startArmSimulator({
      fleet: testFleet(),
      operationDurationMs: 60,
    });
  });
  afterEach(() => sim.setFaults({}));
  afterAll(() => sim.close());

  it('creates a subnet: 201 + Azure-AsyncOperation, Updating → Succeeded', async () => {
    const { network } = sdkClients(sim, SUB_A);
    const poller = network.subnets.createOrUpdate(
      'rg-net',
      'vnet-weu',
      'snet-new',
      { addressPrefix: '10.240.3.0/27' },
      poll,
    );
    const subnet = await poller.pollUntilDone();
    expect(subnet).toMatchObject({
      name: 'snet-new',
      addressPrefix: '10.240.3.0/27',
      provisioningState: 'Succeeded',
    });
    const calls = sim.calls().byKind;
    expect(calls['PUT subnets.createOrUpdate']).toBe(1);
    expect(calls['GET operations.status']).toBeGreaterThanOrEqual(1);
    const usages = await network.subnets.get('rg-net', 'vnet-weu', 'snet-new');
    expect(usages.provisioningState).toBe('Succeeded');
  });

  it('refuses overlapping, outside and over-long subnets as the Network provider does', async () => {
    const { network } = sdkClients(sim, SUB_A);
    await expect(
      network.subnets.beginCreateOrUpdateAndWait(
        'rg-net',
        'vnet-weu',
        'snet-clash',
        { addressPrefix: '10.240.0.16/28' },
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'NetcfgSubnetRangesOverlap',
    });
    await expect(
      network.subnets.beginCreateOrUpdateAndWait(
        'rg-net',
        'vnet-weu',
        'snet-out',
        { addressPrefix: '10.99.0.0/27' },
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'NetcfgSubnetRangeOutsideVnet',
    });
    await expect(
      network.subnets.beginCreateOrUpdateAndWait(
        'rg-net',
        'vnet-weu',
        's'.repeat(64),
        { addressPrefix: '10.240.9.0/27' },
      ),
    ).rejects.toMatchObject({ statusCode: 400, code: 'InvalidResourceName' });
    await expect(
      network.subnets.beginCreateOrUpdateAndWait(
        'rg-net',
        'vnet-weu',
        'snet-hostbits',
        { addressPrefix: '10.240.9.1/27' },
      ),
    ).rejects.toMatchObject({ statusCode: 400, code: 'InvalidCIDRNotation' });
    expect(sim.state.resource(subnetId('snet-clash'))).toBeUndefined();
  });

  it('creates an overlay cluster to Succeeded and counts its nodes in the subnet', async () => {
    const { containerService, network } = sdkClients(sim, SUB_A);
    await network.subnets.beginCreateOrUpdateAndWait(
      'rg-net',
      'vnet-weu',
      'snet-c1',
      { addressPrefix: '10.240.4.0/27' },
      poll,
    );
    const before = sim.state.usedIps(subnetId('snet-c1'));
    const cluster =
      await containerService.managedClusters.beginCreateOrUpdateAndWait(
        'rg-aks',
        'aks-new',
        overlayCluster('aks-new', 'snet-c1'),
        poll,
      );
    expect(cluster).toMatchObject({
      provisioningState: 'Succeeded',
      networkProfile: {
        podCidr: '10.244.0.0/16',
        serviceCidr: '10.0.0.0/16',
        dnsServiceIP: '10.0.0.10',
      },
    });
    expect(cluster.agentPoolProfiles?.[0].provisioningState).toBe('Succeeded');
    expect(sim.state.usedIps(subnetId('snet-c1'))).toBe(before + 3);
    const usage = (
      await network.virtualNetworks.listUsage('rg-net', 'vnet-weu').next()
    ).value;
    expect(usage).toBeDefined();
  });

  it('surfaces the ARM code of a failing operation and leaves the cluster Failed', async () => {
    sim.setFaults({
      failOperations: [
        {
          resourceNamePattern: '^aks-doomed$',
          code: 'QuotaExceeded',
          message:
            'Operation could not be completed as it results in exceeding approved standardDSv5Family Cores quota.',
        },
      ],
    });
    const { containerService, network } = sdkClients(sim, SUB_A);
    await network.subnets.beginCreateOrUpdateAndWait(
      'rg-net',
      'vnet-weu',
      'snet-c2',
      { addressPrefix: '10.240.4.32/27' },
      poll,
    );
    await expect(
      containerService.managedClusters.beginCreateOrUpdateAndWait(
        'rg-aks',
        'aks-doomed',
        overlayCluster('aks-doomed', 'snet-c2'),
        poll,
      ),
    ).rejects.toThrow(/QuotaExceeded/);
    const cluster = await containerService.managedClusters.get(
      'rg-aks',
      'aks-doomed',
    );
    expect(cluster.provisioningState).toBe('Failed');
    expect(sim.state.usedIps(subnetId('snet-c2'))).toBe(0);
  });

  it('keeps an operation InProgress forever when told, and refuses a second PUT with 409', async () => {
    sim.setFaults({ stuckOperations: [{ resourceNamePattern: 'aks-stuck' }] });
    const { containerService, network } = sdkClients(sim, SUB_A);
    await network.subnets.beginCreateOrUpdateAndWait(
      'rg-net',
      'vnet-weu',
      'snet-c3',
      { addressPrefix: '10.240.4.64/27' },
      poll,
    );
    const poller = containerService.managedClusters.createOrUpdate(
      'rg-aks',
      'aks-stuck',
      overlayCluster('aks-stuck', 'snet-c3'),
      poll,
    );
    await poller.submitted();
    await new Promise(resolve => setTimeout(resolve, 150));
    expect(poller.isDone).toBe(false);
    expect(
      sim.state.resource(
        `/subscriptions/${SUB_A}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-stuck`,
      )?.properties,
    ).toMatchObject({ provisioningState: 'Creating' });
    await expect(
      containerService.managedClusters.beginCreateOrUpdate(
        'rg-aks',
        'aks-stuck',
        overlayCluster('aks-stuck', 'snet-c3'),
      ),
    ).rejects.toMatchObject({ statusCode: 409, code: 'OperationNotAllowed' });
  });

  it('refuses a pod CIDR over the VNet with NetworkProfileCIDROverlapVNET and its target', async () => {
    const { containerService } = sdkClients(sim, SUB_A);
    const error = await containerService.managedClusters
      .beginCreateOrUpdateAndWait(
        'rg-aks',
        'aks-overlap',
        overlayCluster('aks-overlap', 'snet-overlay', {
          podCidr: '10.240.100.0/24',
          count: 1,
        }),
      )
      .catch(e => e);
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'NetworkProfileCIDROverlapVNET',
    });
    expect(error.message).toBe(
      'NetworkProfile CIDR 10.240.100.0/24 overlaps with reserved VNET CIDR 10.240.0.0/16',
    );
    // The SDK drops `target` from errors of an LRO's first response; the wire has it.
    const raw = await rawRequest(
      sim,
      'PUT',
      `${CLUSTER_PATH}/aks-overlap?api-version=2026-06-01`,
      {
        headers: { Authorization: 'Bearer t' },
        body: {
          location: 'westeurope',
          properties: overlayCluster('aks-overlap', 'snet-overlay', {
            podCidr: '10.240.100.0/24',
            count: 1,
          }),
        },
      },
    );
    expect(raw.status).toBe(400);
    expect(raw.body.error).toEqual({
      code: 'NetworkProfileCIDROverlapVNET',
      message:
        'NetworkProfile CIDR 10.240.100.0/24 overlaps with reserved VNET CIDR 10.240.0.0/16',
      target: 'networkProfile.podCIDR',
    });
  });

  it('refuses a node subnet that is too small, in AKS words', async () => {
    const { containerService } = sdkClients(sim, SUB_A);
    const error = await containerService.managedClusters
      .beginCreateOrUpdateAndWait(
        'rg-aks',
        'aks-small',
        overlayCluster('aks-small', 'snet-tiny'),
      )
      .catch(e => e);
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'InsufficientSubnetSize',
    });
    // 3 nodes + 1 surge need 4 IPs; a /29 has 3 usable.
    expect(error.message).toBe(
      'Subnet snet-tiny with address prefix 10.240.2.0/29 does not have enough capacity for 1 IP addresses',
    );
  });

  it('refuses maxPods out of range, reserved pod CIDRs, long names and missing subnets', async () => {
    const { containerService } = sdkClients(sim, SUB_A);
    const create = (name: string, body: ReturnType<typeof overlayCluster>) =>
      containerService.managedClusters
        .beginCreateOrUpdateAndWait('rg-aks', name, body)
        .catch(e => e);
    const raw = async (name: string, body: ReturnType<typeof overlayCluster>) =>
      (
        await rawRequest(
          sim,
          'PUT',
          `${CLUSTER_PATH}/${name}?api-version=2026-06-01`,
          {
            headers: { Authorization: 'Bearer t' },
            body: { location: body.location, properties: body },
          },
        )
      ).body.error;
    expect(
      await create(
        'aks-pods',
        overlayCluster('aks-pods', 'snet-overlay', { maxPods: 251, count: 1 }),
      ),
    ).toMatchObject({
      statusCode: 400,
      code: 'InvalidParameter',
    });
    expect(
      await raw(
        'aks-pods',
        overlayCluster('aks-pods', 'snet-overlay', { maxPods: 9, count: 1 }),
      ),
    ).toMatchObject({
      code: 'InvalidParameter',
      target: 'agentPoolProfiles[0].maxPods',
    });
    expect(
      await raw(
        'aks-reserved',
        overlayCluster('aks-reserved', 'snet-overlay', {
          podCidr: '172.30.0.0/16',
          count: 1,
        }),
      ),
    ).toMatchObject({
      code: 'InvalidParameter',
      target: 'networkProfile.podCIDR',
    });
    expect(
      await create(
        'a'.repeat(64),
        overlayCluster('x', 'snet-overlay', { count: 1 }),
      ),
    ).toMatchObject({ statusCode: 400, code: 'InvalidParameter' });
    expect(
      await create(
        'aks-nosubnet',
        overlayCluster('aks-nosubnet', 'snet-missing'),
      ),
    ).toMatchObject({ statusCode: 400, code: 'SubnetNotFound' });
  });
});
