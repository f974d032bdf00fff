import fc from 'fast-check';
import {
  Cidr,
  cidrContaining,
  cidrSize,
  overlaps,
  parseCidrOrThrow,
} from '../../cidr';

/** A small pool for one family, with the prefixes worth requesting from it. */
export interface PoolCase {
  pool: Cidr;
  requestPrefixes: { min: number; max: number };
  /** Where taken ranges are drawn: around the pool, so some stick out of it. */
  neighbourhood: Cidr;
  takenPrefixes: { min: number; max: number };
}

export const IPV4_CASE: PoolCase = {
  pool: parseCidrOrThrow('10.0.4.0/24'),
  requestPrefixes: { min: 24, max: 30 },
  neighbourhood: parseCidrOrThrow('10.0.0.0/20'),
  takenPrefixes: { min: 22, max: 32 },
};

/**
 * Enough candidate blocks (up to 4096, 128 bitmap words) for ranges to span
 * whole words of the IPv4 bitmap, and for the pool to straddle word edges.
 */
export const IPV4_WIDE_CASE: PoolCase = {
  pool: parseCidrOrThrow('10.0.0.0/16'),
  requestPrefixes: { min: 16, max: 28 },
  neighbourhood: parseCidrOrThrow('10.0.0.0/14'),
  takenPrefixes: { min: 14, max: 32 },
};

/**
 * The whole IPv4 space: offsets of 2^31 and up, the last address 2^32 - 1, and
 * the /0 request, where a 32-bit shift would be a no-op.
 */
export const IPV4_WHOLE_SPACE_CASE: PoolCase = {
  pool: parseCidrOrThrow('0.0.0.0/0'),
  requestPrefixes: { min: 0, max: 10 },
  neighbourhood: parseCidrOrThrow('0.0.0.0/0'),
  takenPrefixes: { min: 1, max: 16 },
};

export const IPV6_CASE: PoolCase = {
  pool: parseCidrOrThrow('fd00::/112'),
  requestPrefixes: { min: 112, max: 120 },
  neighbourhood: parseCidrOrThrow('fd00::/108'),
  takenPrefixes: { min: 108, max: 128 },
};

/** Random ranges near or inside the pool, plus some of the other family. */
export function takenArb(
  poolCase: PoolCase,
  maxLength = 40,
): fc.Arbitrary<Cidr[]> {
  const { pool, neighbourhood, takenPrefixes } = poolCase;
  const within = (area: Cidr, min: number, max: number) =>
    fc
      .tuple(
        fc.bigInt({ min: 0n, max: cidrSize(area) - 1n }),
        fc.integer({ min, max }),
      )
      .map(([offset, prefix]) =>
        cidrContaining(area.family, area.network + offset, prefix),
      );
  const otherFamily = pool.family === 'ipv4' ? IPV6_CASE.pool : IPV4_CASE.pool;
  const range = fc.oneof(
    {
      arbitrary: within(neighbourhood, takenPrefixes.min, takenPrefixes.max),
      weight: 4,
    },
    // Small ranges inside the pool make it crowded enough to run out.
    { arbitrary: within(pool, pool.prefix + 2, takenPrefixes.max), weight: 6 },
    {
      arbitrary: within(
        otherFamily,
        otherFamily.prefix,
        otherFamily.prefix + 8,
      ),
      weight: 1,
    },
  );
  return fc.array(range, { maxLength });
}

/**
 * Brute force: every aligned block of `prefix` in the pool, lowest first, checked
 * against every taken range.
 */
export function bruteForceNextFree(
  pool: Cidr,
  prefix: number,
  taken: readonly Cidr[],
): Cidr | undefined {
  if (prefix < pool.prefix) return undefined;
  const size = cidrSize(cidrContaining(pool.family, 0n, prefix));
  for (
    let network = pool.network;
    network < pool.network + cidrSize(pool);
    network += size
  ) {
    const block: Cidr = { family: pool.family, network, prefix };
    if (!taken.some(t => overlaps(t, block))) {
      return block;
    }
  }
  return undefined;
}
