import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { containsCidr, overlaps, parseCidrOrThrow } from '../ip/IpRange';
import { loadFleet } from './loadFleet';
import { startArmSimulator, ArmSimulator } from '../startArmSimulator';
import { collect, sdkClients } from '../__testUtils__/sdkClients';
import { SimulatorFleet } from './SimulatorFleet';

const EXAMPLES = resolve(__dirname, '../../../../examples');

describe('the seed fleet in examples/', () => {
  let fleet: SimulatorFleet;
  let sim: ArmSimulator;

  beforeAll(async () => {
    fleet = await loadFleet(resolve(EXAMPLES, 'azure-fleet/fleet.yaml'));
    sim = await startArmSimulator({ fleet });
  });
  afterAll(() => sim.close());

  it('seeds at least 12 clusters in 3 subscriptions and 2 regions, all Succeeded', () => {
    const clusters = sim.state.clusters();
    expect(clusters.length).toBeGreaterThanOrEqual(12);
    expect(new Set(clusters.map(c => c.id.split('/')[2])).size).toBe(3);
    expect(new Set(clusters.map(c => c.location))).toEqual(
      new Set(['westeurope', 'northeurope']),
    );
    expect(
      clusters.every(
        c =>
          (c.properties as { provisioningState: string }).provisioningState ===
          'Succeeded',
      ),
    ).toBe(true);
  });

  it('covers every network model AKS offers', async () => {
    const models = new Map<string, string>();
    for (const subscription of fleet.subscriptions) {
      const { containerService } = sdkClients(sim, subscription.id);
      for (const cluster of await collect(
        containerService.managedClusters.list(),
      )) {
        const profile = cluster.networkProfile!;
        const pools = cluster.agentPoolProfiles ?? [];
        let model = `${profile.networkPlugin}`;
        if (profile.networkPluginMode === 'overlay') model = 'overlay';
        else if (profile.networkPlugin === 'azure')
          model = pools.some(p => p.podSubnetID) ? 'pod-subnet' : 'flat';
        if (profile.networkDataplane === 'cilium') model += '+cilium';
        if (profile.advancedNetworking?.observability?.enabled)
          model += '+acns';
        if (
          cluster.addonProfiles?.omsagent?.config
            ?.enableContainerNetworkLogs === 'true'
        )
          model += '+logs';
        models.set(cluster.name!, model);
      }
    }
    expect(new Set(models.values())).toEqual(
      new Set([
        'overlay+acns+logs',
        'overlay',
        'overlay+cilium+acns',
        'overlay+cilium',
        'flat',
        'pod-subnet',
        'kubenet',
        'none',
      ]),
    );
    const migrated = sim.state
      .clusters()
      .find(c => c.name === 'aks-checkout-dev-weu')!;
    expect(migrated.properties).toMatchObject({
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        podCidr: '100.64.0.0/10',
      },
      agentPoolProfiles: [{ maxPods: 30 }],
    });
  });

  it('has one flat subnet nearly out of IPs', async () => {
    const { network } = sdkClients(sim, fleet.subscriptions[0].id);
    const usages = await collect(
      network.virtualNetworks.listUsage('rg-network-prod-weu', 'vnet-prod-weu'),
    );
    expect(
      usages.find(u => u.id?.endsWith('/snet-aks-identity-prod')),
    ).toMatchObject({ currentValue: 240, limit: 251 });
  });

  it('has VNet, subnet and NSG flow logs, and subscriptions without any', () => {
    const targets = sim.state
      .resources('Microsoft.Network/networkWatchers/flowLogs')
      .map(
        f =>
          String(
            (f.properties as { targetResourceId: string }).targetResourceId,
          )
            .split('/')
            .slice(-2)[0],
      );
    expect(targets).toEqual(
      expect.arrayContaining([
        'virtualNetworks',
        'subnets',
        'networkSecurityGroups',
      ]),
    );
    const nonprod = fleet.subscriptions.find(
      s => s.name === 'platform-nonprod',
    )!;
    expect(
      sim.state
        .resources('Microsoft.Network/networkWatchers/flowLogs')
        .some(f => f.id.includes(nonprod.id)),
    ).toBe(false);
  });

  it('has address pools inside their VNets, clear of every subnet', () => {
    expect(fleet.addressPools?.length).toBeGreaterThanOrEqual(4);
    for (const pool of fleet.addressPools ?? []) {
      const vnet = sim.state.resource(
        `/subscriptions/${pool.subscriptionId}/resourceGroups/${pool.resourceGroup}/providers/Microsoft.Network/virtualNetworks/${pool.vnetName}`,
      );
      expect(vnet).toBeDefined();
      expect(vnet!.location).toBe(pool.region);
      const range = parseCidrOrThrow(pool.range);
      const space = (
        vnet!.properties as { addressSpace: { addressPrefixes: string[] } }
      ).addressSpace.addressPrefixes.map(parseCidrOrThrow);
      expect(space.some(s => containsCidr(s, range))).toBe(true);
      for (const subnet of sim.state
        .subnets()
        .filter(s => s.id.startsWith(vnet!.id))) {
        const prefix = parseCidrOrThrow(
          (subnet.properties as { addressPrefix: string }).addressPrefix,
        );
        expect(overlaps(prefix, range)).toBe(false);
      }
    }
  });

  it('tags every cluster with an owner, system and components that exist in examples/aks-teams.yaml', async () => {
    const documents = parseAllDocuments(
      await readFile(resolve(EXAMPLES, 'aks-teams.yaml'), 'utf8'),
    ).map(d => d.toJSON());
    const names = (kind: string) =>
      new Set(
        documents.filter(d => d?.kind === kind).map(d => d.metadata.name),
      );
    const groups = names('Group');
    const systems = names('System');
    const components = names('Component');
    for (const cluster of sim.state.clusters()) {
      const tags = cluster.tags as Record<string, string>;
      expect(groups).toContain(tags.owner);
      expect(systems).toContain(tags.system);
      for (const component of tags.component.split(',')) {
        expect(components).toContain(component);
      }
    }
    for (const doc of documents.filter(d => d?.kind === 'Group')) {
      expect(doc.spec).toEqual({ type: 'team', children: [] });
    }
  });

  it('has an NSG with a deny rule and no overlay allow rules', async () => {
    const nonprod = fleet.subscriptions.find(
      s => s.name === 'platform-nonprod',
    )!;
    const { network } = sdkClients(sim, nonprod.id);
    const nsg = await network.networkSecurityGroups.get(
      'rg-network-nonprod-weu',
      'nsg-aks-payments-dev',
    );
    expect(nsg.securityRules?.map(r => [r.access, r.direction])).toEqual([
      ['Allow', 'Inbound'],
      ['Deny', 'Inbound'],
    ]);
    expect(nsg.subnets).toHaveLength(1);
  });
});
