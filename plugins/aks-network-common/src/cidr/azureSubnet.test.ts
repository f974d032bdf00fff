import fc from 'fast-check';
import {
  AZURE_RESERVED_ADDRESSES_PER_SUBNET,
  azureUsableAddresses,
  smallestAzureSubnetPrefix,
} from './azureSubnet';
import { cidrContaining, cidrSize } from './cidr';
import { IpFamily } from './ipFamily';
import { parseCidrOrThrow as cidr } from './parseCidr';

describe('azureUsableAddresses', () => {
  // Azure reserves 5 IPs in every subnet (first four, last).
  it.each<[string, bigint]>([
    ['10.240.0.0/27', 27n],
    ['10.240.0.0/24', 251n],
    ['10.240.0.0/29', 3n],
    ['10.240.0.0/28', 11n],
    ['10.240.0.0/21', 2043n],
    ['10.240.0.0/30', 0n],
    ['10.240.0.1/32', 0n],
    ['fd00::/64', (1n << 64n) - 5n],
  ])('%s has %s usable addresses', (text, usable) => {
    expect(azureUsableAddresses(cidr(text))).toBe(usable);
  });

  it('reserves 5 addresses', () => {
    expect(AZURE_RESERVED_ADDRESSES_PER_SUBNET).toBe(5);
  });
});

describe('smallestAzureSubnetPrefix', () => {
  // Flat Azure CNI: (n + surge) + (n + surge) × maxPods; 50 nodes, surge 1,
  // maxPods 30 → 1,581 → /21.
  const flatCniNeed = (nodes: number, surge: number, maxPods: number) =>
    nodes + surge + (nodes + surge) * maxPods;

  it.each<[IpFamily, bigint | number, number | undefined]>([
    ['ipv4', flatCniNeed(50, 1, 30), 21],
    ['ipv4', 1581n, 21],
    ['ipv4', 27, 27],
    ['ipv4', 28, 26],
    ['ipv4', 251, 24],
    ['ipv4', 252, 23],
    ['ipv4', 3, 29],
    ['ipv4', 1, 29],
    ['ipv4', 0, 29],
    ['ipv4', 4, 28],
    ['ipv4', 1580.2, 21],
    ['ipv4', 2 ** 30 - 5, 2],
    ['ipv4', 2 ** 30 - 4, undefined],
    ['ipv4', -1, undefined],
    ['ipv4', -1n, undefined],
    ['ipv4', Number.NaN, undefined],
    ['ipv4', Number.POSITIVE_INFINITY, undefined],
    ['ipv6', 1000, 64],
    ['ipv6', (1n << 64n) - 5n, 64],
    ['ipv6', 1n << 64n, undefined],
  ])('%s, %s usable addresses → /%s', (family, needed, prefix) => {
    expect(smallestAzureSubnetPrefix(family, needed)).toBe(prefix);
  });

  it('gives the smallest IPv4 subnet that is large enough', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 30 - 5 }), needed => {
        const prefix = smallestAzureSubnetPrefix('ipv4', needed)!;
        const usable = (p: number) =>
          azureUsableAddresses(cidrContaining('ipv4', 0n, p));
        expect(usable(prefix)).toBeGreaterThanOrEqual(BigInt(needed));
        // One bit longer would be too small (or /29 is already Azure's smallest).
        expect(prefix === 29 || usable(prefix + 1) < BigInt(needed)).toBe(true);
        expect(cidrSize(cidrContaining('ipv4', 0n, prefix))).toBeGreaterThan(
          5n,
        );
      }),
      { numRuns: 200 },
    );
  });
});
