import { startArmSimulator, ArmSimulator } from '../startArmSimulator';
import { collect, sdkClients } from '../__testUtils__/sdkClients';
import { SUB_A, testFleet } from '../__testUtils__/testFleet';

const poll = { updateIntervalInMs: 10 };
const subnet = (name: string) =>
  `/subscriptions/${SUB_A}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-weu/subnets/${name}`;

describe('managed cluster lifecycle', () => {
  let sim: ArmSimulator;

  beforeAll(async () => {
    sim = await startArmSimulator({
      fleet: testFleet(),
      operationDurationMs: 30,
    });
  });
  afterAll(() => sim.close());

  it('migrates a flat cluster to overlay in place, and the node subnet then holds nodes only', async () => {
    const { containerService } = sdkClients(sim, SUB_A);
    expect(sim.state.usedIps(subnet('snet-flat'))).toBe(240);
    const flat = await containerService.managedClusters.get(
      'rg-aks',
      'aks-flat',
    );
    const migrated =
      await containerService.managedClusters.beginCreateOrUpdateAndWait(
        'rg-aks',
        'aks-flat',
        {
          ...flat,
          networkProfile: {
            ...flat.networkProfile,
            networkPluginMode: 'overlay',
            podCidr: '100.64.0.0/10',
          },
        },
        poll,
      );
    expect(migrated.networkProfile).toMatchObject({
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      podCidr: '100.64.0.0/10',
    });
    expect(migrated.agentPoolProfiles?.[0].maxPods).toBe(30);
    // 7 nodes + 23 other NICs: the pods moved to the overlay.
    expect(sim.state.usedIps(subnet('snet-flat'))).toBe(30);
  });

  it('refuses network changes AKS does not allow on an existing cluster', async () => {
    const { containerService } = sdkClients(sim, SUB_A);
    const cluster = await containerService.managedClusters.get(
      'rg-aks',
      'aks-overlay-1',
    );
    await expect(
      containerService.managedClusters.beginCreateOrUpdateAndWait(
        'rg-aks',
        'aks-overlay-1',
        {
          ...cluster,
          networkProfile: {
            ...cluster.networkProfile,
            networkPlugin: 'kubenet',
            networkPluginMode: undefined,
          },
        },
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'PropertyChangeNotAllowed',
    });
    await expect(
      containerService.managedClusters.beginCreateOrUpdateAndWait(
        'rg-aks',
        'aks-overlay-1',
        {
          ...cluster,
          networkProfile: {
            ...cluster.networkProfile,
            serviceCidr: '10.1.0.0/16',
            dnsServiceIP: '10.1.0.10',
          },
        },
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'PropertyChangeNotAllowed',
    });
  });

  it('refuses the cilium dataplane with kubenet, a service CIDR over a subnet, and a pod CIDR with flat CNI', async () => {
    const { containerService } = sdkClients(sim, SUB_A);
    const base = {
      location: 'westeurope',
      agentPoolProfiles: [
        {
          name: 'system',
          mode: 'System',
          count: 1,
          vnetSubnetID: subnet('snet-overlay'),
        },
      ],
    };
    await expect(
      containerService.managedClusters.beginCreateOrUpdateAndWait(
        'rg-aks',
        'aks-x',
        {
          ...base,
          networkProfile: {
            networkPlugin: 'kubenet',
            networkDataplane: 'cilium',
          },
        },
      ),
    ).rejects.toMatchObject({ code: 'InvalidParameter' });
    await expect(
      containerService.managedClusters.beginCreateOrUpdateAndWait(
        'rg-aks',
        'aks-x',
        {
          ...base,
          networkProfile: {
            networkPlugin: 'azure',
            networkPluginMode: 'overlay',
            serviceCidr: '10.240.0.0/24',
            dnsServiceIP: '10.240.0.10',
          },
        },
      ),
    ).rejects.toMatchObject({ code: 'ServiceCidrOverlapExistingSubnetsCidr' });
    await expect(
      containerService.managedClusters.beginCreateOrUpdateAndWait(
        'rg-aks',
        'aks-x',
        {
          ...base,
          networkProfile: { networkPlugin: 'azure', podCidr: '10.244.0.0/16' },
        },
      ),
    ).rejects.toMatchObject({ code: 'InvalidParameter' });
    expect(sim.state.clusters().some(c => c.name === 'aks-x')).toBe(false);
  });

  it('creates a cluster without a subnet in a managed VNet of its node resource group', async () => {
    const { containerService, network } = sdkClients(sim, SUB_A);
    const cluster =
      await containerService.managedClusters.beginCreateOrUpdateAndWait(
        'rg-aks',
        'aks-managed',
        {
          location: 'westeurope',
          agentPoolProfiles: [{ name: 'system', mode: 'System', count: 2 }],
        },
        poll,
      );
    expect(cluster.networkProfile).toMatchObject({
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
    });
    expect(cluster.agentPoolProfiles?.[0].vnetSubnetID).toBeUndefined();
    const vnets = await collect(
      network.virtualNetworks.list(cluster.nodeResourceGroup!),
    );
    expect(vnets[0].addressSpace?.addressPrefixes).toEqual(['10.224.0.0/12']);
  });

  it('deletes a cluster through the long-running DELETE, with its node resource group', async () => {
    const { containerService, network } = sdkClients(sim, SUB_A);
    await containerService.managedClusters.beginDeleteAndWait(
      'rg-aks',
      'aks-managed',
      poll,
    );
    await expect(
      containerService.managedClusters.get('rg-aks', 'aks-managed'),
    ).rejects.toMatchObject({ statusCode: 404 });
    await expect(
      collect(network.virtualNetworks.list('MC_rg-aks_aks-managed_westeurope')),
    ).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceGroupNotFound',
    });
  });
});
