import { startArmSimulator, ArmSimulator } from '../startArmSimulator';
import { collect, sdkClients } from '../__testUtils__/sdkClients';
import { SUB_A, SUB_B, testFleet } from '../__testUtils__/testFleet';

describe('ARM reads through the real SDK clients', () => {
  let sim: ArmSimulator;

  beforeAll(async () => {
    sim = await startArmSimulator({ fleet: testFleet(), pageSize: 3 });
  });
  afterAll(() => sim.close());

  it('lists subscriptions with paging and gets one', async () => {
    const { subscriptions } = sdkClients(sim, SUB_A);
    const all = await collect(subscriptions.subscriptions.list());
    expect(all.map(s => s.subscriptionId)).toEqual([SUB_A, SUB_B]);
    const one = await subscriptions.subscriptions.get(SUB_B);
    expect(one).toMatchObject({ displayName: 'Test B', state: 'Enabled' });
  });

  it('pages managed clusters through nextLink', async () => {
    const { containerService } = sdkClients(sim, SUB_A);
    const pages = await collect(
      containerService.managedClusters.list().byPage(),
    );
    expect(pages.map(p => p.length)).toEqual([3, 3, 1]);
    const clusters = pages.flat();
    expect(clusters.map(c => c.name)).toContain('aks-flat');
    expect(
      sim.calls().byKind['GET managedClusters.list'],
    ).toBeGreaterThanOrEqual(3);
    const byRg = await collect(
      containerService.managedClusters.listByResourceGroup('RG-AKS'),
    );
    expect(byRg).toHaveLength(7);
  });

  it('gets a cluster with the fields ARM fills in, and its agent pools', async () => {
    const { containerService } = sdkClients(sim, SUB_A);
    const cluster = await containerService.managedClusters.get(
      'rg-aks',
      'AKS-OVERLAY-1',
    );
    expect(cluster).toMatchObject({
      name: 'aks-overlay-1',
      type: 'Microsoft.ContainerService/ManagedClusters',
      location: 'westeurope',
      provisioningState: 'Succeeded',
      nodeResourceGroup: 'MC_rg-aks_aks-overlay-1_westeurope',
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        podCidr: '10.244.0.0/16',
        serviceCidr: '10.0.0.0/16',
        dnsServiceIP: '10.0.0.10',
      },
    });
    expect(cluster.agentPoolProfiles?.[0]).toMatchObject({
      name: 'system',
      maxPods: 30,
      count: 2,
    });
    expect(cluster.fqdn).toMatch(/\.hcp\.westeurope\.azmk8s\.io$/);
    const pools = await collect(
      containerService.agentPools.list('rg-aks', 'aks-overlay-1'),
    );
    expect(pools).toHaveLength(1);
    expect(pools[0]).toMatchObject({
      name: 'system',
      count: 2,
      maxPods: 30,
      mode: 'System',
    });
    const pool = await containerService.agentPools.get(
      'rg-aks',
      'aks-overlay-1',
      'system',
    );
    expect(pool.vnetSubnetID).toMatch(/\/subnets\/snet-overlay$/);
  });

  it('reports subnet IP use through the VNet usages API', async () => {
    const { network } = sdkClients(sim, SUB_A);
    const usages = await collect(
      network.virtualNetworks.listUsage('rg-net', 'vnet-weu'),
    );
    const byName = Object.fromEntries(
      usages.map(u => [u.id?.split('/').pop(), u]),
    );
    // 6 overlay clusters × 2 nodes; flat: 7 nodes × (1 + 30 pods) + 23 other IPs.
    expect(byName['snet-overlay']).toMatchObject({
      currentValue: 12,
      limit: 27,
      unit: 'Count',
    });
    expect(byName['snet-flat']).toMatchObject({
      currentValue: 240,
      limit: 251,
    });
    expect(byName['snet-tiny']).toMatchObject({ currentValue: 0, limit: 3 });
    expect(byName['snet-flat'].name).toEqual({
      localizedValue: 'Subnet size and usage',
      value: 'Subnet size and usage',
    });
  });

  it('returns VNets with their subnets, and the NSG with rules and references', async () => {
    const { network } = sdkClients(sim, SUB_A);
    const vnet = await network.virtualNetworks.get('rg-net', 'vnet-weu');
    expect(vnet.addressSpace?.addressPrefixes).toEqual(['10.240.0.0/16']);
    expect(vnet.subnets?.map(s => s.name)).toEqual([
      'snet-overlay',
      'snet-flat',
      'snet-tiny',
    ]);
    const subnet = await network.subnets.get(
      'rg-net',
      'vnet-weu',
      'snet-overlay',
    );
    expect(subnet.addressPrefix).toBe('10.240.0.0/27');
    expect(subnet.networkSecurityGroup?.id).toMatch(
      /networkSecurityGroups\/nsg-aks$/,
    );
    const nsg = await network.networkSecurityGroups.get('rg-net', 'nsg-aks');
    expect(nsg.securityRules?.[0]).toMatchObject({
      name: 'deny-all-in',
      access: 'Deny',
      priority: 4000,
    });
    expect(nsg.defaultSecurityRules).toHaveLength(6);
    expect(nsg.subnets?.map(s => s.id)).toEqual([subnet.id]);
    expect(nsg.flowLogs).toHaveLength(1);
    const all = await collect(network.virtualNetworks.listAll());
    expect(all).toHaveLength(1);
  });

  it('lists Network Watchers and their VNet and NSG flow logs', async () => {
    const { network } = sdkClients(sim, SUB_A);
    const watchers = await collect(network.networkWatchers.listAll());
    expect(watchers.map(w => w.name)).toEqual(['NetworkWatcher_westeurope']);
    const flowLogs = await collect(
      network.flowLogs.list('NetworkWatcherRG', 'NetworkWatcher_westeurope'),
    );
    expect(flowLogs.map(f => f.targetResourceId)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/virtualNetworks\/vnet-weu$/),
        expect.stringMatching(/networkSecurityGroups\/nsg-aks$/),
      ]),
    );
    const one = await network.flowLogs.get(
      'NetworkWatcherRG',
      'NetworkWatcher_westeurope',
      flowLogs[0].name!,
    );
    expect(one).toMatchObject({
      enabled: true,
      format: { type: 'JSON', version: 2 },
    });
  });

  it('answers 404 ResourceNotFound for a missing cluster', async () => {
    const { containerService } = sdkClients(sim, SUB_A);
    await expect(
      containerService.managedClusters.get('rg-aks', 'nope'),
    ).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
    await expect(
      containerService.managedClusters.get('rg-missing', 'nope'),
    ).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceGroupNotFound',
    });
  });
});
