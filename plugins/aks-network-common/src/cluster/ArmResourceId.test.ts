import { sameArmId, vnetIdOfSubnet } from './ArmResourceId';

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
