/* eslint-disable no-console */
/**
 * Allocator benchmark: how the cost of finding the next free node subnet grows with
 * the number of taken ranges in a pool.
 *
 * Run: yarn workspace @aks-network/plugin-aks-network-common bench
 * (node with the Backstage CLI's own SWC require hook; no extra tooling).
 *
 * Scenario: pool 10.0.0.0/8; N taken subnets (40 % /27, 40 % /28, 20 % /24) at
 * pseudo-random aligned addresses from a fixed seed; then allocate /27s (the
 * default overlay node subnet) one after another, each result joining the taken
 * set. Two ways:
 *   - nextFreeSubnet: a fresh call with the whole taken list every time (what a
 *     stateless request handler does),
 *   - SubnetAllocator: built once, then next() repeatedly.
 * A second scenario, "fragmented", puts N /28s at the start of every /27 from the
 * bottom of the pool, so the first free /27 lies past all of them: the worst case
 * for a lowest-first search.
 */
import { performance } from 'node:perf_hooks';
import {
  Cidr,
  cidrContaining,
  cidrEquals,
  formatCidr,
  parseCidrOrThrow,
} from '../src/cidr';
import { nextFreeSubnet, SubnetAllocator } from '../src/allocation';

const POOL = parseCidrOrThrow('10.0.0.0/8');
const REQUEST_PREFIX = 27;
const SIZES = [1_000, 10_000, 100_000];
const SEED = 0x5eed;

/** mulberry32: small, fast, deterministic; the figures must be reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function scatteredTaken(count: number): Cidr[] {
  const random = seededRandom(SEED);
  const poolSize = 2 ** (32 - POOL.prefix);
  return Array.from({ length: count }, () => {
    const roll = random();
    let prefix = 24;
    if (roll < 0.4) prefix = 27;
    else if (roll < 0.8) prefix = 28;
    const offset = BigInt(Math.floor(random() * poolSize));
    return cidrContaining('ipv4', POOL.network + offset, prefix);
  });
}

function fragmentedTaken(count: number): Cidr[] {
  return Array.from({ length: count }, (_, i) =>
    cidrContaining('ipv4', POOL.network + BigInt(i) * 32n, 28),
  );
}

interface Row {
  taken: number;
  freshMs: number;
  buildMs: number;
  nextMs: number;
  first: string;
}

function measure(
  taken: Cidr[],
  freshCalls: number,
  allocatorCalls: number,
): Row {
  // nextFreeSubnet, stateless: every call sees the full list, including the
  // subnets handed out before it.
  const list = [...taken];
  const freshResults: Cidr[] = [];
  let start = performance.now();
  for (let i = 0; i < freshCalls; i++) {
    const found = nextFreeSubnet({
      pool: POOL,
      prefix: REQUEST_PREFIX,
      taken: list,
    });
    if (!found) throw new Error('pool exhausted');
    freshResults.push(found);
    list.push(found);
  }
  const freshMs = (performance.now() - start) / freshCalls;

  start = performance.now();
  const allocator = new SubnetAllocator(POOL, taken);
  const buildMs = performance.now() - start;
  const allocatorResults: Cidr[] = [];
  start = performance.now();
  for (let i = 0; i < allocatorCalls; i++) {
    const found = allocator.next(REQUEST_PREFIX);
    if (!found) throw new Error('pool exhausted');
    allocatorResults.push(found);
  }
  const nextMs = (performance.now() - start) / allocatorCalls;

  // Both ways must hand out the same subnets, or the timing means nothing.
  freshResults.forEach((cidr, i) => {
    if (!cidrEquals(cidr, allocatorResults[i])) {
      throw new Error(
        `allocation ${i} differs: ${formatCidr(cidr)} vs ${formatCidr(
          allocatorResults[i],
        )}`,
      );
    }
  });
  return {
    taken: taken.length,
    freshMs,
    buildMs,
    nextMs,
    first: formatCidr(freshResults[0]),
  };
}

function printTable(title: string, rows: Row[]): void {
  console.log(`\n### ${title}\n`);
  console.log(
    '| taken ranges | nextFreeSubnet, fresh call (ms/allocation) | SubnetAllocator build (ms, once) | SubnetAllocator.next (ms/allocation) | first /27 |',
  );
  console.log('|---:|---:|---:|---:|:---|');
  for (const row of rows) {
    console.log(
      `| ${row.taken.toLocaleString('en-US')} | ${row.freshMs.toFixed(
        3,
      )} | ${row.buildMs.toFixed(1)} | ${row.nextMs.toFixed(4)} | ${
        row.first
      } |`,
    );
  }
}

function main(): void {
  // Warm-up so the JIT compiles the hot paths before anything is timed.
  measure(scatteredTaken(5_000), 20, 2_000);
  measure(fragmentedTaken(5_000), 20, 2_000);

  const freshCalls = (n: number) => (n >= 100_000 ? 20 : 100);
  printTable(
    'Scattered: /27, /28 and /24 taken at random in 10.0.0.0/8, allocating /27s',
    SIZES.map(n => measure(scatteredTaken(n), freshCalls(n), 10_000)),
  );
  printTable(
    'Fragmented (worst case): a /28 in each of the first N /27s, allocating /27s',
    SIZES.map(n => measure(fragmentedTaken(n), freshCalls(n), 10_000)),
  );
  console.log(
    `\nNode ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
}

main();
