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
import {
  lowestFreeIpv4Block,
  lowestFreeIpv4BlockByBitmap,
  lowestFreeIpv4BlockBySorting,
  usesIpv4Bitmap,
} from './ipv4FreeBlock';
import { lowestFreeBlockBySorting, nextFreeSubnet } from './nextFreeSubnet';
import {
  bruteForceNextFree,
  IPV4_CASE,
  IPV4_WHOLE_SPACE_CASE,
  IPV4_WIDE_CASE,
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
    // The whole IPv4 space: offsets past 2^31, the last address, a /0 request.
    ['0.0.0.0/0', 0, [], '0.0.0.0/0'],
    ['0.0.0.0/0', 0, ['255.255.255.255/32'], undefined],
    ['0.0.0.0/0', 1, ['0.0.0.0/1'], '128.0.0.0/1'],
    ['0.0.0.0/0', 24, ['0.0.0.0/1', '128.0.0.0/2'], '192.0.0.0/24'],
    ['0.0.0.0/0', 32, ['0.0.0.0/1', '128.0.0.0/2'], '192.0.0.0/32'],
    ['128.0.0.0/1', 32, ['0.0.0.0/0'], undefined],
    [
      '255.255.255.0/24',
      32,
      ['255.255.255.0/25', '255.255.255.128/26'],
      '255.255.255.192/32',
    ],
    [
      '255.255.255.0/24',
      32,
      ['255.255.255.0/25', '255.255.255.128/26', '255.255.255.192/26'],
      undefined,
    ],
    // A range spanning thousands of bitmap words, then one inside a word.
    ['10.0.0.0/8', 27, ['10.0.0.0/9', '10.128.0.0/28'], '10.128.0.32/27'],
    ['10.0.0.0/8', 32, ['10.0.0.0/9', '10.128.0.0/31'], '10.128.0.2/32'],
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
  const asCidr =
    (find: (pool: Cidr, prefix: number, taken: Cidr[]) => bigint | undefined) =>
    (pool: Cidr, prefix: number, taken: Cidr[]): Cidr | undefined => {
      const network = find(pool, prefix, taken);
      return network === undefined
        ? undefined
        : { family: pool.family, network, prefix };
    };
  // Every internal path, whichever nextFreeSubnet would pick, with the pool
  // cases it applies to: the BigInt searches are family-agnostic, the IPv4
  // ones are production's path for IPv4.
  const ALL_CASES = [
    IPV4_CASE,
    IPV4_WIDE_CASE,
    IPV4_WHOLE_SPACE_CASE,
    IPV6_CASE,
  ];
  const IPV4_CASES = [IPV4_CASE, IPV4_WIDE_CASE, IPV4_WHOLE_SPACE_CASE];
  const searches: Array<[string, Search, PoolCase[]]> = [
    [
      'nextFreeSubnet',
      (pool, prefix, taken) => nextFreeSubnet({ pool, prefix, taken }),
      ALL_CASES,
    ],
    [
      'counting (BigInt)',
      asCidr((pool, prefix, taken) =>
        lowestFreeBlockByCounting(
          pool,
          prefix,
          2 ** (prefix - pool.prefix),
          taken,
        ),
      ),
      ALL_CASES,
    ],
    ['sorting (BigInt)', asCidr(lowestFreeBlockBySorting), ALL_CASES],
    ['IPv4 bitmap', asCidr(lowestFreeIpv4BlockByBitmap), IPV4_CASES],
    ['IPv4 sorting', asCidr(lowestFreeIpv4BlockBySorting), IPV4_CASES],
  ];

  describe('every IPv4 path on edge cases', () => {
    const ipv4Searches = searches.filter(([, , cases]) =>
      cases.includes(IPV4_CASE),
    );
    /** Each IPv4 path's answer, by name, so a failure names the path. */
    const answers = (pool: Cidr, prefix: number, taken: Cidr[]) =>
      Object.fromEntries(
        ipv4Searches.map(([name, search]) => {
          const found = search(pool, prefix, taken);
          return [name, found && formatCidr(found)];
        }),
      );
    const everyPath = (expected: string | undefined) =>
      Object.fromEntries(ipv4Searches.map(([name]) => [name, expected]));

    it.each<[string, number, string[], string | undefined]>([
      ['0.0.0.0/0', 0, [], '0.0.0.0/0'],
      ['0.0.0.0/0', 0, ['255.255.255.255/32'], undefined],
      ['0.0.0.0/0', 0, ['::/0'], '0.0.0.0/0'],
      ['0.0.0.0/0', 1, ['0.0.0.0/1'], '128.0.0.0/1'],
      ['0.0.0.0/0', 22, ['0.0.0.0/1', '128.0.0.0/2'], '192.0.0.0/22'],
      [
        '10.0.0.0/8',
        30,
        ['10.0.0.0/9', '10.128.0.0/29', '10.128.0.8/30'],
        '10.128.0.12/30',
      ],
      [
        '10.0.0.0/16',
        28,
        ['10.0.0.0/17', '10.0.128.0/18', '10.0.192.0/18'],
        undefined,
      ],
    ])('in %s, a /%s clear of %j is %s', (pool, prefix, taken, expected) => {
      expect(answers(cidr(pool), prefix, taken.map(cidr))).toEqual(
        everyPath(expected),
      );
    });

    // Hand-built Cidrs breaking the type's invariant lie outside every IPv4
    // pool on every path, though their low 32 bits fall inside the pool.
    it.each<[string, string, number, Cidr, string[], string]>([
      [
        '10.0.0.0 + 2^32',
        '10.0.0.0/8',
        27,
        { family: 'ipv4', network: (1n << 32n) + 0x0a000000n, prefix: 24 },
        [],
        '10.0.0.0/27',
      ],
      [
        '0.0.0.0 + 2^32',
        '0.0.0.0/16',
        24,
        { family: 'ipv4', network: 1n << 32n, prefix: 24 },
        [],
        '0.0.0.0/24',
      ],
      [
        '255.255.255.0 - 2^32',
        '255.255.254.0/23',
        24,
        { family: 'ipv4', network: -256n, prefix: 24 },
        ['255.255.254.0/24'],
        '255.255.255.0/24',
      ],
    ])(
      'ignores a network of %s',
      (_label, pool, prefix, invalid, taken, expected) => {
        expect(
          answers(cidr(pool), prefix, [invalid, ...taken.map(cidr)]),
        ).toEqual(everyPath(expected));
      },
    );
  });

  it('picks the IPv4 bitmap unless sorting the taken ranges is cheaper', () => {
    // 10.0.0.0/8 in /27s: 2^19 blocks, 16 Ki words.
    expect(usesIpv4Bitmap(19, 100_000)).toBe(true);
    expect(usesIpv4Bitmap(19, 1_000)).toBe(true);
    expect(usesIpv4Bitmap(19, 10)).toBe(false);
    expect(usesIpv4Bitmap(0, 0)).toBe(true);
    expect(usesIpv4Bitmap(17, 0)).toBe(true);
    expect(usesIpv4Bitmap(22, 0)).toBe(false);
    expect(usesIpv4Bitmap(22, 10_000)).toBe(true);
    expect(usesIpv4Bitmap(23, 10_000_000)).toBe(false);
    expect(() =>
      lowestFreeIpv4BlockByBitmap(cidr('10.0.0.0/8'), 31, []),
    ).toThrow(RangeError);
    // Either way, the same answer nextFreeSubnet gives.
    const pool = cidr('10.0.0.0/8');
    const taken = [cidr('10.0.0.0/27')];
    expect(lowestFreeIpv4Block(pool, 27, taken)).toBe(
      nextFreeSubnet({ pool, prefix: 27, taken })?.network,
    );
  });

  it('counts for crowded pools and sorts for sparse ones', () => {
    const pool = cidr('10.0.0.0/8');
    expect(countableBlocks(pool, 27, 100_000)).toBe(2 ** 19);
    expect(countableBlocks(pool, 27, 10)).toBeUndefined();
    expect(countableBlocks(pool, 32, 10_000_000)).toBeUndefined();
    expect(countableBlocks(cidr('10.240.0.0/16'), 27, 0)).toBe(2048);
    expect(countableBlocks(cidr('fd00::/48'), 128, 1_000_000)).toBeUndefined();
  });

  it.each(
    searches.flatMap(([name, search, cases]) =>
      cases.map(
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
