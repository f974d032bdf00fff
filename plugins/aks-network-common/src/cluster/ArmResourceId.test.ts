import fc from 'fast-check';
import {
  parseManagedClusterId,
  parseSubnetId,
  parseVirtualNetworkId,
  sameArmId,
  vnetIdOfSubnet,
} from './ArmResourceId';

const VNET =
  '/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke';

describe('ARM resource ids', () => {
  it.each([
    [`${VNET}/subnets/aks-sn`, VNET],
    [`${VNET}/subnets/aks-sn/`, VNET],
    [
      `${VNET.toLowerCase().replace(
        'virtualnetworks',
        'virtualNetworks',
      )}/SUBNETS/x`,
      VNET.toLowerCase().replace('virtualnetworks', 'virtualNetworks'),
    ],
    [VNET, undefined],
    ['not an id', undefined],
  ])('the VNet of %s is %s', (subnet, vnet) => {
    expect(vnetIdOfSubnet(subnet)).toBe(vnet);
  });

  it('compares ids without regard to case or a trailing slash', () => {
    expect(sameArmId(VNET, `${VNET.toUpperCase()}/`)).toBe(true);
    expect(sameArmId(VNET, `${VNET}2`)).toBe(false);
    expect(sameArmId(VNET, undefined)).toBe(false);
  });
});

describe('parseManagedClusterId and parseSubnetId', () => {
  const SUB = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
  const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-orders`;
  const SUBNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-weu/subnets/snet-aks`;

  it('reads the parts of a cluster id, fixed words in any case, one trailing slash', () => {
    expect(parseManagedClusterId(CLUSTER)).toEqual({
      ok: true,
      value: {
        id: CLUSTER,
        subscriptionId: SUB,
        resourceGroup: 'rg-aks',
        name: 'aks-orders',
      },
    });
    expect(parseManagedClusterId(`${CLUSTER.toLowerCase()}/`)).toMatchObject({
      ok: true,
      value: { id: CLUSTER.toLowerCase(), name: 'aks-orders' },
    });
    // A resource group of 90 characters is Azure's own limit, not the 63 we create.
    const longGroup = `rg-${'a'.repeat(87)}`;
    expect(
      parseManagedClusterId(CLUSTER.replace('rg-aks', longGroup)),
    ).toMatchObject({ ok: true, value: { resourceGroup: longGroup } });
  });

  it('reads the parts of a subnet id, with its VNet id', () => {
    expect(parseSubnetId(SUBNET)).toEqual({
      ok: true,
      value: {
        id: SUBNET,
        subscriptionId: SUB,
        resourceGroup: 'rg-net',
        vnetName: 'vnet-weu',
        subnetName: 'snet-aks',
        vnetId: vnetIdOfSubnet(SUBNET)!,
      },
    });
    expect(parseVirtualNetworkId(vnetIdOfSubnet(SUBNET)!)).toMatchObject({
      ok: true,
      value: { vnetName: 'vnet-weu' },
    });
  });

  it.each([
    ['not text', 42, /expected text/],
    ['empty', '', /expected text/],
    ['not an id', "not-an-arm-id ' OR 1=1", /segments/],
    ['a subscription that is no GUID', CLUSTER.replace(SUB, '..'), /GUID/],
    [
      'a path that climbs',
      `/subscriptions/../resourceGroups/x/providers/Microsoft.ContainerService/managedClusters/c`,
      /GUID/,
    ],
    [
      'a group with a dot at its end',
      CLUSTER.replace('rg-aks', 'rg.'),
      /Resource group/,
    ],
    [
      'an encoded slash',
      CLUSTER.replace('aks-orders', 'a%2Fb'),
      /Cluster name/,
    ],
    ['a newline', `${CLUSTER}\n`, /U\+000A/],
    [
      'an RTL override',
      CLUSTER.replace('aks-orders', 'aks\u202eorders'),
      /U\+202E/,
    ],
    ['an extra segment', `${CLUSTER}/agentPools/x`, /segments/],
    [
      'another provider',
      CLUSTER.replace('ContainerService', 'Compute'),
      /providers/,
    ],
    [
      'another type',
      CLUSTER.replace('managedClusters', 'snapshots'),
      /managedClusters/,
    ],
    [
      'a cluster name too long',
      CLUSTER.replace('aks-orders', 'a'.repeat(64)),
      /63/,
    ],
    ['too long', `/${'a'.repeat(2000)}`, /longer than/],
  ])('refuses %s as a cluster id, saying why', (_label, text, why) => {
    const parsed = parseManagedClusterId(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(why);
  });

  it.each([
    ['a cluster id', CLUSTER, /segments/],
    ['a VNet id', vnetIdOfSubnet(SUBNET), /segments/],
    ['a subnet name with a space', `${SUBNET} x`, /Subnet name/],
    ['a VNet of one character', SUBNET.replace('vnet-weu', 'v'), /VNet name/],
  ])('refuses %s as a subnet id', (_label, text, why) => {
    const parsed = parseSubnetId(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(why);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .constantFrom(CLUSTER, SUBNET)
            .chain(base =>
              fc
                .tuple(fc.nat(base.length), fc.string({ maxLength: 4 }))
                .map(([at, text]) => base.slice(0, at) + text + base.slice(at)),
            ),
          fc.anything(),
        ),
        text => {
          const cluster = parseManagedClusterId(text);
          const subnet = parseSubnetId(text);
          // What parses is rebuilt from its parts: nothing else rode along.
          const clusterRebuilt =
            !cluster.ok ||
            cluster.value.id.toLowerCase() ===
              `/subscriptions/${cluster.value.subscriptionId}/resourcegroups/${cluster.value.resourceGroup}/providers/microsoft.containerservice/managedclusters/${cluster.value.name}`.toLowerCase();
          const subnetRebuilt =
            !subnet.ok ||
            subnet.value.id.toLowerCase() ===
              `${subnet.value.vnetId}/subnets/${subnet.value.subnetName}`.toLowerCase();
          expect({ clusterRebuilt, subnetRebuilt }).toEqual({
            clusterRebuilt: true,
            subnetRebuilt: true,
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
