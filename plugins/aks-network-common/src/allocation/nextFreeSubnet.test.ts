import fc from 'fast-check';
import {
  Cidr,
  cidrContaining,
  cidrEquals,
  containsCidr,
  formatCidr,
  overlaps,
  parseCidrOrThrow as cidr,
} from '../cidr';
import { countableBlocks, lowestFreeBlockByCounting } from './countFreeBlocks';
import { lowestFreeBlockBySorting, nextFreeSubnet } from './nextFreeSubnet';
import {
  bruteForceNextFree,
  IPV4_CASE,
  IPV6_CASE,
  takenArb,
} from './__testUtils__/allocationArbitraries';

describe('nextFreeSubnet', () => {
  it.each<[string, number, string[], string | undefined]>([
    ['10.240.0.0/16', 27, [], '10.240.0.0/27'],
    ['10.240.0.0/16', 27, ['10.240.0.0/27'], '10.240.0.32/27'],
    // A /28 blocks the whole /27 around it.
    ['10.240.0.0/16', 27, ['10.240.0.16/28'], '10.240.0.32/27'],
    ['10.240.0.0/16', 27, ['10.240.0.0/24'], '10.240.1.0/27'],
    [
      '10.240.0.0/16',
      27,
      ['10.240.0.0/27', '10.240.0.64/26'],
      '10.240.0.32/27',
    ],
    // Overlapping taken ranges, in any order.
    [
      '10.240.0.0/16',
      27,
      ['10.240.0.64/27', '10.240.0.0/25', '10.240.0.0/26'],
      '10.240.0.128/27',
    ],
    // Taken ranges outside the pool, larger than it, or of the other family.
    [
      '10.240.0.0/16',
      27,
      ['10.239.255.0/24', '10.241.0.0/16', 'fd00::/8'],
      '10.240.0.0/27',
    ],
    // IPv6 with the same low bits as the pool is still another family.
    ['10.240.0.0/16', 27, ['::10.240.0.0/112'], '10.240.0.0/27'],
    ['::/112', 120, ['0.0.0.0/16'], '::/120'],
    ['10.240.0.0/16', 27, ['10.0.0.0/8'], undefined],
    [
      '10.240.0.0/24',
      27,
      ['10.240.0.0/25', '10.240.0.128/26', '10.240.0.192/27'],
      '10.240.0.224/27',
    ],
    ['10.240.0.0/24', 27, ['10.240.0.0/25', '10.240.0.128/25'], undefined],
    ['10.240.0.0/24', 24, [], '10.240.0.0/24'],
    ['10.240.0.0/24', 23, [], undefined],
    ['fd00::/112', 120, ['fd00::/120'], 'fd00::100/120'],
    ['fd00::/112', 120, ['fd00::/113'], 'fd00::8000/120'],
    ['fd00::/64', 64, ['fd00::1/128'], undefined],
  ])('in %s, a /%s clear of %j is %s', (pool, prefix, taken, expected) => {
    const found = nextFreeSubnet({
      pool: cidr(pool),
      prefix,
      taken: taken.map(cidr),
    });
    expect(found && formatCidr(found)).toBe(expected);
  });

  it.each([33, -1, 27.5])('refuses prefix %s for an IPv4 pool', prefix => {
    expect(() =>
      nextFreeSubnet({ pool: cidr('10.0.0.0/8'), prefix, taken: [] }),
    ).toThrow(RangeError);
  });

  type Search = (pool: Cidr, prefix: number, taken: Cidr[]) => Cidr | undefined;
  const searches: Array<[string, Search]> = [
    [
      'nextFreeSubnet',
      (pool, prefix, taken) => nextFreeSubnet({ pool, prefix, taken }),
    ],
    [
      'counting',
      (pool, prefix, taken) => {
        const network = lowestFreeBlockByCounting(
          pool,
          prefix,
          2 ** (prefix - pool.prefix),
          taken,
        );
        return network === undefined
          ? undefined
          : { family: pool.family, network, prefix };
      },
    ],
    [
      'sorting',
      (pool, prefix, taken) => {
        const network = lowestFreeBlockBySorting(pool, prefix, taken);
        return network === undefined
          ? undefined
          : { family: pool.family, network, prefix };
      },
    ],
  ];

  it('counts for crowded pools and sorts for sparse ones', () => {
    const pool = cidr('10.0.0.0/8');
    expect(countableBlocks(pool, 27, 100_000)).toBe(2 ** 19);
    expect(countableBlocks(pool, 27, 10)).toBeUndefined();
    expect(countableBlocks(pool, 32, 10_000_000)).toBeUndefined();
    expect(countableBlocks(cidr('10.240.0.0/16'), 27, 0)).toBe(2048);
    expect(countableBlocks(cidr('fd00::/48'), 128, 1_000_000)).toBeUndefined();
  });

  it.each(
    searches.flatMap(([name, search]) =>
      [IPV4_CASE, IPV6_CASE].map(
        poolCase =>
          [name, formatCidr(poolCase.pool), poolCase, search] as const,
      ),
    ),
  )(
    '%s agrees with a brute-force search in %s',
    (_name, _pool, poolCase, search) => {
      const { pool, requestPrefixes } = poolCase;
      const outcomes = { found: 0, none: 0 };
      fc.assert(
        fc.property(
          takenArb(poolCase),
          fc.integer(requestPrefixes),
          (taken: Cidr[], prefix: number) => {
            const found = search(pool, prefix, taken);
            expect(found).toEqual(bruteForceNextFree(pool, prefix, taken));
            // The invariants, spelled out (the oracle implies them).
            const broken = found
              ? [
                  !containsCidr(pool, found) && 'outside the pool',
                  !cidrEquals(
                    cidrContaining(pool.family, found.network, prefix),
                    found,
                  ) && 'not aligned',
                  taken.some(t => overlaps(t, found)) &&
                    'overlaps a taken range',
                ].filter(Boolean)
              : [];
            expect(broken).toEqual([]);
            outcomes[found ? 'found' : 'none']++;
          },
        ),
        { numRuns: 200 },
      );
      // Both answers must have been exercised for the oracle to mean anything.
      expect(outcomes.found).toBeGreaterThan(0);
      expect(outcomes.none).toBeGreaterThan(0);
    },
  );
});
