import { startArmSimulator, ArmSimulator } from '../startArmSimulator';
import { collect, sdkClients } from '../__testUtils__/sdkClients';
import { SUB_A, testFleet } from '../__testUtils__/testFleet';

const poll = { updateIntervalInMs: 10 };

describe('virtual network writes', () => {
  let sim: ArmSimulator;

  beforeAll(async () => {
    sim = await startArmSimulator({
      fleet: testFleet(),
      operationDurationMs: 30,
    });
  });
  afterAll(() => sim.close());

  it('creates a VNet with its subnets, and Azure enables Network Watcher in the region', async () => {
    const { network } = sdkClients(sim, SUB_A);
    const vnet = await network.virtualNetworks.beginCreateOrUpdateAndWait(
      'rg-net',
      'vnet-new',
      {
        location: 'westeurope',
        addressSpace: { addressPrefixes: ['10.70.0.0/16'] },
        subnets: [
          { name: 'a', addressPrefix: '10.70.0.0/27' },
          { name: 'b', addressPrefix: '10.70.0.32/27' },
        ],
      },
      poll,
    );
    expect(vnet).toMatchObject({
      provisioningState: 'Succeeded',
      addressSpace: { addressPrefixes: ['10.70.0.0/16'] },
    });
    expect(vnet.subnets?.map(s => [s.name, s.provisioningState])).toEqual([
      ['a', 'Succeeded'],
      ['b', 'Succeeded'],
    ]);
    const subnets = await collect(network.subnets.list('rg-net', 'vnet-new'));
    expect(subnets).toHaveLength(2);
    const inB = await network.virtualNetworks.beginCreateOrUpdateAndWait(
      'rg-net',
      'vnet-eus',
      {
        location: 'eastus',
        addressSpace: { addressPrefixes: ['10.71.0.0/16'] },
      },
      poll,
    );
    expect(inB.subnets).toEqual([]);
    const watchers = await collect(
      network.networkWatchers.list('NetworkWatcherRG'),
    );
    expect(watchers.map(w => w.name)).toContain('NetworkWatcher_eastus');
  });

  it('refuses overlapping subnets in a VNet PUT', async () => {
    const { network } = sdkClients(sim, SUB_A);
    await expect(
      network.virtualNetworks.beginCreateOrUpdateAndWait('rg-net', 'vnet-bad', {
        location: 'westeurope',
        addressSpace: { addressPrefixes: ['10.80.0.0/16'] },
        subnets: [
          { name: 'a', addressPrefix: '10.80.0.0/24' },
          { name: 'b', addressPrefix: '10.80.0.128/25' },
        ],
      }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'NetcfgSubnetRangesOverlap',
    });
    expect(
      sim.state.resource(
        `/subscriptions/${SUB_A}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-bad`,
      ),
    ).toBeUndefined();
  });

  it('will not drop or reshape a subnet whose IPs are in use', async () => {
    const { network } = sdkClients(sim, SUB_A);
    const vnet = await network.virtualNetworks.get('rg-net', 'vnet-weu');
    await expect(
      network.virtualNetworks.beginCreateOrUpdateAndWait('rg-net', 'vnet-weu', {
        ...vnet,
        subnets: vnet.subnets?.filter(s => s.name !== 'snet-flat'),
      }),
    ).rejects.toMatchObject({ code: 'InUseSubnetCannotBeDeleted' });
    await expect(
      network.subnets.beginCreateOrUpdateAndWait(
        'rg-net',
        'vnet-weu',
        'snet-flat',
        { addressPrefix: '10.240.1.0/25' },
      ),
    ).rejects.toMatchObject({ code: 'InUseSubnetCannotBeUpdated' });
  });

  it('refuses a subnet that references a missing NSG, and a 404 for a missing subnet', async () => {
    const { network } = sdkClients(sim, SUB_A);
    await expect(
      network.subnets.beginCreateOrUpdateAndWait(
        'rg-net',
        'vnet-weu',
        'snet-nsg',
        {
          addressPrefix: '10.240.8.0/27',
          networkSecurityGroup: {
            id: `/subscriptions/${SUB_A}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nope`,
          },
        },
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidResourceReference',
    });
    await expect(
      network.subnets.get('rg-net', 'vnet-weu', 'nope'),
    ).rejects.toMatchObject({ statusCode: 404, code: 'NotFound' });
    await expect(
      network.virtualNetworks.get('rg-net', 'nope'),
    ).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
  });

  it('refuses a second write while a subnet operation runs (409)', async () => {
    sim.setFaults({
      stuckOperations: [{ resourceNamePattern: '^snet-busy$' }],
    });
    const { network } = sdkClients(sim, SUB_A);
    const poller = network.subnets.createOrUpdate(
      'rg-net',
      'vnet-weu',
      'snet-busy',
      { addressPrefix: '10.240.9.0/27' },
      poll,
    );
    await poller.submitted();
    await expect(
      network.subnets.beginCreateOrUpdate('rg-net', 'vnet-weu', 'snet-busy', {
        addressPrefix: '10.240.9.0/27',
      }),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: 'AnotherOperationInProgress',
    });
    expect(
      sim.state.operations().filter(o => o.status === 'InProgress'),
    ).toHaveLength(1);
    sim.setFaults({});
  });
});
