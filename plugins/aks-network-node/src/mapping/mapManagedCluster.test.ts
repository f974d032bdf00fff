import {
  ClusterRecord,
  classifyClusterRecord,
  NetworkDataplane,
  NetworkModel,
} from '@aks-network/plugin-aks-network-common';
import { mapManagedCluster } from './mapManagedCluster';
import { NetworkResourceIndex } from './NetworkResourceIndex';
import { fixtureNetworkIndex, readArmFixture } from './__testUtils__/fixtures';
import {
  sdkAgentPools,
  sdkManagedCluster,
} from './__testUtils__/sdkFromArmJson';

const SUB = '11111111-1111-1111-1111-111111111111';
const VNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;
const NSG = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-aks`;
const WATCHER = `/subscriptions/${SUB}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_westeurope`;
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-monitor/providers/Microsoft.OperationalInsights/workspaces/law-aks`;

async function mapFixture(
  name: string,
  options: { withAgentPoolList?: boolean; network?: NetworkResourceIndex } = {},
): Promise<ClusterRecord> {
  const cluster = await sdkManagedCluster(
    readArmFixture(`managedClusters/${name}.json`),
  );
  const agentPools = options.withAgentPoolList
    ? await sdkAgentPools(readArmFixture(`agentPools/${name}.json`))
    : undefined;
  return mapManagedCluster(cluster, {
    agentPools,
    network: options.network ?? (await fixtureNetworkIndex()),
  });
}

describe('mapManagedCluster', () => {
  it.each<[string, NetworkModel, NetworkDataplane | null]>([
    ['overlay', 'azure-cni-overlay', 'azure'],
    ['overlay-cilium', 'azure-cni-overlay', 'cilium'],
    ['overlay-acns', 'azure-cni-overlay', 'cilium'],
    ['pod-subnet', 'azure-cni-pod-subnet', 'azure'],
    ['flat-node-subnet', 'azure-cni-node-subnet', 'azure'],
    // kubenet and a BYO CNI have no Azure dataplane.
    ['kubenet', 'kubenet', null],
    ['byo-cni', 'byo-cni', null],
    ['migrated-overlay', 'azure-cni-overlay', 'azure'],
  ])(
    'maps the %s fixture into a record common classifies as %s / %s',
    async (name, model, dataplane) => {
      const record = await mapFixture(name);
      const classification = classifyClusterRecord(record);
      expect(classification).toMatchObject({ known: true, model, dataplane });
      // The record is plain JSON: it survives the database and HTTP unchanged.
      expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    },
  );

  it('maps an overlay cluster with its pools, subnet, NSG, VNet and flow logs', async () => {
    const record = await mapFixture('overlay', { withAgentPoolList: true });
    const subnetId = `/subscriptions/${SUB}/resourcegroups/RG-NET/providers/Microsoft.Network/virtualNetworks/VNET-SPOKE/subnets/aks-overlay`;

    expect(record).toEqual<ClusterRecord>({
      id: `/subscriptions/${SUB}/resourcegroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-overlay`,
      name: 'aks-overlay',
      subscriptionId: SUB,
      resourceGroup: 'rg-aks',
      location: 'westeurope',
      kubernetesVersion: '1.31.5',
      tags: { owner: 'team-payments', component: 'payments-api' },
      provisioningState: 'Succeeded',
      fqdn: 'aks-overlay-dns-4f3c2a1b.hcp.westeurope.azmk8s.io',
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        networkPolicy: 'none',
        networkDataplane: 'azure',
        podCidr: '10.244.0.0/16',
        podCidrs: ['10.244.0.0/16'],
        serviceCidr: '10.0.0.0/16',
        serviceCidrs: ['10.0.0.0/16'],
        dnsServiceIp: '10.0.0.10',
        ipFamilies: ['IPv4'],
        outboundType: 'loadBalancer',
      },
      nodePools: [
        {
          name: 'system',
          count: 3,
          vmSize: 'Standard_D4s_v5',
          maxPods: 30,
          maxSurge: '10%',
          vnetSubnetId: subnetId,
          mode: 'System',
        },
        {
          // From agentPools.list, which is newer than the cluster body (count 5 there).
          name: 'user',
          count: 7,
          maxCount: 10,
          vmSize: 'Standard_D8s_v5',
          maxPods: 110,
          maxSurge: '33%',
          vnetSubnetId: subnetId,
          mode: 'User',
        },
      ],
      nodeSubnets: [
        {
          // Found although the pool spells the id in another case than the VNet GET.
          id: `${VNET}/subnets/aks-overlay`,
          name: 'aks-overlay',
          addressPrefix: '10.240.0.0/27',
          ipUsed: 8,
          ipLimit: 27,
          nsg: {
            id: NSG,
            rules: [
              {
                name: 'allow-node-node',
                direction: 'Inbound',
                access: 'Allow',
                priority: 100,
                protocol: '*',
                sourceAddressPrefixes: ['10.240.0.0/27'],
                sourcePortRanges: ['*'],
                destinationAddressPrefixes: ['10.240.0.0/27'],
                destinationPortRanges: ['*'],
              },
              {
                name: 'allow-https-from-corp',
                direction: 'Inbound',
                access: 'Allow',
                priority: 200,
                protocol: 'Tcp',
                sourceAddressPrefixes: ['192.168.10.0/24', '192.168.20.0/24'],
                sourcePortRanges: ['*'],
                destinationAddressPrefixes: ['10.240.0.0/27'],
                destinationPortRanges: ['443', '8443-8444'],
              },
              {
                name: 'deny-internet-dns',
                direction: 'Outbound',
                access: 'Deny',
                priority: 300,
                protocol: 'Udp',
                sourceAddressPrefixes: ['VirtualNetwork'],
                sourcePortRanges: ['*'],
                destinationAddressPrefixes: ['Internet'],
                destinationPortRanges: ['53'],
              },
              {
                name: 'deny-all-inbound',
                direction: 'Inbound',
                access: 'Deny',
                priority: 4000,
                protocol: '*',
                sourceAddressPrefixes: ['*'],
                sourcePortRanges: ['*'],
                destinationAddressPrefixes: ['*'],
                destinationPortRanges: ['*'],
              },
            ],
          },
        },
      ],
      addons: {
        acns: { enabled: false, observability: false, security: false },
        omsagent: { enabled: false, containerNetworkLogs: false },
      },
      flowLogs: [
        {
          id: `${WATCHER}/flowLogs/vnet-spoke-flowlog`,
          kind: 'vnet',
          targetResourceId: VNET.replace(
            '/resourceGroups/',
            '/resourcegroups/',
          ),
          enabled: true,
          retentionDays: 30,
          storageId: `/subscriptions/${SUB}/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/stflowlogsweu`,
          trafficAnalyticsEnabled: true,
          workspaceId: WORKSPACE,
        },
        {
          // Retention policy disabled: read as "no history kept".
          id: `${WATCHER}/flowLogs/nsg-aks-flowlog`,
          kind: 'nsg',
          targetResourceId: NSG,
          enabled: true,
          retentionDays: 0,
          storageId: `/subscriptions/${SUB}/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/stflowlogsweu`,
        },
      ],
      vnet: { id: VNET, addressSpace: ['10.240.0.0/16', 'fd00:db8:deca::/48'] },
      // Both address spaces of the connected peering, and the disconnected one.
      peeredRanges: ['10.100.0.0/16', '10.101.0.0/16', '172.16.0.0/20'],
    });
  });

  it("uses the cluster's agentPoolProfiles when the agent pool list was not read", async () => {
    const record = await mapFixture('overlay');
    expect(record.nodePools.map(pool => [pool.name, pool.count])).toEqual([
      ['system', 3],
      ['user', 5],
    ]);
  });

  it('maps an overlay cluster with the Cilium dataplane and no NSG', async () => {
    const record = await mapFixture('overlay-cilium');
    expect(record.networkProfile).toMatchObject({
      networkPluginMode: 'overlay',
      networkPolicy: 'cilium',
      networkDataplane: 'cilium',
    });
    expect(record.nodePools[0].maxPods).toBe(250);
    expect(record.nodeSubnets).toEqual([
      {
        id: `${VNET}/subnets/aks-cilium`,
        name: 'aks-cilium',
        addressPrefix: '10.240.0.32/27',
        ipUsed: 3,
        ipLimit: 27,
      },
    ]);
    // Only the VNet-level flow log covers it; the NSG flow log is on another subnet's NSG.
    expect(record.flowLogs.map(log => log.kind)).toEqual(['vnet']);
  });

  it('maps ACNS observability and stored container network logs', async () => {
    const record = await mapFixture('overlay-acns');
    expect(record.addons).toEqual({
      acns: { enabled: true, observability: true, security: false },
      omsagent: {
        enabled: true,
        containerNetworkLogs: true,
        logAnalyticsWorkspaceId: WORKSPACE,
      },
    });
  });

  it('maps a pod subnet cluster: the node subnet only, the pod subnet on the pool', async () => {
    const record = await mapFixture('pod-subnet');
    expect(record.nodePools[0]).toMatchObject({
      vnetSubnetId: `${VNET}/subnets/aks-nodes`,
      podSubnetId: `${VNET}/subnets/aks-pods`,
    });
    expect(record.nodeSubnets.map(subnet => subnet.name)).toEqual([
      'aks-nodes',
    ]);
    expect(record.networkProfile.podCidr).toBeUndefined();
  });

  it('maps a flat cluster on a dual-stack subnet nearly out of IPs', async () => {
    const record = await mapFixture('flat-node-subnet');
    expect(record.kubernetesVersion).toBe('1.29.7');
    expect(record.networkProfile).toEqual({
      networkPlugin: 'azure',
      networkPolicy: 'azure',
      serviceCidr: '10.0.0.0/16',
      serviceCidrs: ['10.0.0.0/16'],
      dnsServiceIp: '10.0.0.10',
      ipFamilies: ['IPv4'],
      outboundType: 'loadBalancer',
    });
    expect(record.nodePools[0]).toMatchObject({
      count: 12,
      maxPods: 30,
      maxSurge: '1',
    });
    expect(record.nodeSubnets[0]).toMatchObject({
      name: 'aks-flat',
      // ARM returned addressPrefixes only (IPv4 + IPv6); the record keeps the IPv4 one.
      addressPrefix: '10.240.4.0/24',
      ipUsed: 241,
      ipLimit: 251,
      nsg: { id: NSG },
    });
    expect(record.flowLogs.map(log => log.kind).sort()).toEqual([
      'nsg',
      'vnet',
    ]);
  });

  it('maps a kubenet cluster on an AKS-managed VNet: no node subnet, no VNet', async () => {
    const record = await mapFixture('kubenet');
    expect(record.networkProfile).toMatchObject({
      networkPlugin: 'kubenet',
      podCidr: '10.244.0.0/16',
    });
    expect(record.kubernetesVersion).toBe('1.30.9');
    expect(record.nodePools[0].vnetSubnetId).toBeUndefined();
    expect(record.nodeSubnets).toEqual([]);
    expect(record.vnet).toBeUndefined();
    expect(record.peeredRanges).toEqual([]);
    expect(record.flowLogs).toEqual([]);
  });

  it('maps a bring-your-own-CNI cluster', async () => {
    const record = await mapFixture('byo-cni');
    expect(record.networkProfile.networkPlugin).toBe('none');
    expect(record.networkProfile.podCidr).toBeUndefined();
    expect(record.nodeSubnets.map(subnet => subnet.name)).toEqual(['aks-byo']);
  });

  it('maps a flat cluster migrated to overlay in place', async () => {
    const record = await mapFixture('migrated-overlay');
    expect(record.networkProfile).toMatchObject({
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      podCidr: '100.64.0.0/10',
    });
    // The migration reimages the pools but keeps their settings: maxPods stays 30
    // and the node subnet stays the old flat /24.
    expect(record.nodePools[0]).toMatchObject({ maxPods: 30, count: 8 });
    expect(record.nodeSubnets[0]).toMatchObject({
      addressPrefix: '10.240.8.0/24',
      ipUsed: 8,
      ipLimit: 251,
    });
    expect(record.flowLogs).toContainEqual({
      id: `${WATCHER}/flowLogs/aks-migrated-subnet-flowlog`,
      kind: 'vnet',
      targetResourceId: `${VNET}/subnets/aks-migrated`,
      enabled: false,
      retentionDays: 0,
      storageId: `/subscriptions/${SUB}/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/stflowlogsweu`,
    });
  });

  it('leaves out what could not be read instead of reporting it empty', async () => {
    const cluster = await sdkManagedCluster(
      readArmFixture('managedClusters/overlay.json'),
    );
    const full = await fixtureNetworkIndex();
    const vnet = full.virtualNetwork(VNET);
    // Only the VNet: the usages call, the NSG GET and the flow-log listing failed.
    const record = mapManagedCluster(cluster, {
      network: new NetworkResourceIndex().addVirtualNetwork(vnet!),
    });
    expect(record.nodeSubnets).toEqual([
      {
        id: `${VNET}/subnets/aks-overlay`,
        name: 'aks-overlay',
        addressPrefix: '10.240.0.0/27',
        // The VNet says the subnet has this NSG; its rules were not read.
        nsg: {
          id: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-aks`,
        },
      },
    ]);
    expect(record.flowLogs).toEqual([]);

    // Nothing but the cluster: the pools and profile still map.
    const bare = mapManagedCluster(cluster);
    expect(bare.nodePools).toHaveLength(2);
    expect(bare.nodeSubnets).toEqual([]);
    expect(bare.vnet).toBeUndefined();
    expect(classifyClusterRecord(bare)).toMatchObject({
      model: 'azure-cni-overlay',
    });
  });

  it('keeps the private FQDN of a private cluster, which has no public one', async () => {
    const arm = readArmFixture('managedClusters/overlay.json') as {
      properties: Record<string, unknown>;
    };
    const { fqdn: _public, ...properties } = arm.properties;
    const record = mapManagedCluster(
      await sdkManagedCluster({
        ...arm,
        properties: {
          ...properties,
          apiServerAccessProfile: { enablePrivateCluster: true },
          privateFQDN:
            'aks-overlay-dns-4f3c2a1b.privatelink.westeurope.azmk8s.io',
        },
      }),
      { network: await fixtureNetworkIndex() },
    );
    expect(record.fqdn).toBeUndefined();
    expect(record.privateFqdn).toBe(
      'aks-overlay-dns-4f3c2a1b.privatelink.westeurope.azmk8s.io',
    );
  });
});
