import fc from 'fast-check';
import {
  Cidr,
  cidrContaining,
  containsCidr,
  formatCidr,
  overlaps,
  parseCidrOrThrow as cidr,
} from '../cidr';
import { nextFreeSubnet } from './nextFreeSubnet';
import {
  bruteForceNextFree,
  IPV4_CASE,
  IPV6_CASE,
  PoolCase,
  takenArb,
} from './__testUtils__/allocationArbitraries';

describe('nextFreeSubnet', () => {
  it.each<[string, number, string[], string | undefined]>([
    ['10.240.0.0/16', 27, [], '10.240.0.0/27'],
    ['10.240.0.0/16', 27, ['10.240.0.0/27'], '10.240.0.32/27'],
    // A /28 blocks the whole /27 around it.
    ['10.240.0.0/16', 27, ['10.240.0.16/28'], '10.240.0.32/27'],
    ['10.240.0.0/16', 27, ['10.240.0.0/24'], '10.240.1.0/27'],
    ['10.240.0.0/16', 27, ['10.240.0.0/27', '10.240.0.64/26'], '10.240.0.32/27'],
    // Overlapping taken ranges, in any order.
    ['10.240.0.0/16', 27, ['10.240.0.64/27', '10.240.0.0/25', '10.240.0.0/26'], '10.240.0.128/27'],
    // Taken ranges outside the pool, larger than it, or of the other family.
    ['10.240.0.0/16', 27, ['10.239.255.0/24', '10.241.0.0/16', 'fd00::/8'], '10.240.0.0/27'],
    ['10.240.0.0/16', 27, ['10.0.0.0/8'], undefined],
    ['10.240.0.0/24', 27, ['10.240.0.0/25', '10.240.0.128/26', '10.240.0.192/27'], '10.240.0.224/27'],
    ['10.240.0.0/24', 27, ['10.240.0.0/25', '10.240.0.128/25'], undefined],
    ['10.240.0.0/24', 24, [], '10.240.0.0/24'],
    ['10.240.0.0/24', 23, [], undefined],
    ['fd00::/112', 120, ['fd00::/120'], 'fd00::100/120'],
    ['fd00::/112', 120, ['fd00::/113'], 'fd00::8000/120'],
    ['fd00::/64', 64, ['fd00::1/128'], undefined],
  ])('in %s, a /%s clear of %j is %s', (pool, prefix, taken, expected) => {
    const found = nextFreeSubnet({ pool: cidr(pool), prefix, taken: taken.map(cidr) });
    expect(found && formatCidr(found)).toBe(expected);
  });

  it.each([33, -1, 27.5])('refuses prefix %s for an IPv4 pool', prefix => {
    expect(() =>
      nextFreeSubnet({ pool: cidr('10.0.0.0/8'), prefix, taken: [] }),
    ).toThrow(RangeError);
  });

  it.each<[string, PoolCase]>([
    ['IPv4 /24 pool', IPV4_CASE],
    ['IPv6 /112 pool', IPV6_CASE],
  ])('agrees with a brute-force search (%s)', (_, poolCase) => {
    const { pool, requestPrefixes } = poolCase;
    const outcomes = { found: 0, none: 0 };
    fc.assert(
      fc.property(
        takenArb(poolCase),
        fc.integer(requestPrefixes),
        (taken: Cidr[], prefix: number) => {
          const found = nextFreeSubnet({ pool, prefix, taken });
          expect(found).toEqual(bruteForceNextFree(pool, prefix, taken));
          if (found) {
            outcomes.found++;
            expect(containsCidr(pool, found)).toBe(true);
            expect(cidrContaining(pool.family, found.network, prefix)).toEqual(found);
            expect(taken.some(t => overlaps(t, found))).toBe(false);
          } else {
            outcomes.none++;
          }
        },
      ),
      { numRuns: 200 },
    );
    // Both answers must have been exercised for the oracle to mean anything.
    expect(outcomes.found).toBeGreaterThan(0);
    expect(outcomes.none).toBeGreaterThan(0);
  });
});
