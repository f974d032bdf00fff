import { nodeSubnetName } from './nodeSubnetName';

describe('nodeSubnetName', () => {
  it('prefixes short names and keeps long ones within 63 characters, distinct', () => {
    expect(nodeSubnetName('aks-orders-weu')).toBe('snet-aks-aks-orders-weu');
    const a = nodeSubnetName(`${'a'.repeat(55)}-one`);
    const b = nodeSubnetName(`${'a'.repeat(55)}-two`);
    expect([a.length, b.length]).toEqual([63, 63]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^snet-a{49}-[0-9a-f]{8}$/);
  });
});
