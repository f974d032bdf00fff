import fc from 'fast-check';
import {
  Cidr,
  cidrContaining,
  containsCidr,
  containsIp,
  formatCidr,
  lastAddress,
  parseCidrOrThrow as cidr,
  subtract,
} from '../cidr';
import { nextFreeSubnet } from './nextFreeSubnet';
import { SubnetAllocator } from './SubnetAllocator';
import {
  bruteForceNextFree,
  IPV4_CASE,
  IPV6_CASE,
  PoolCase,
  takenArb,
} from './__testUtils__/allocationArbitraries';

describe('SubnetAllocator', () => {
  it('hands out consecutive node subnets until the pool is full', () => {
    const allocator = new SubnetAllocator(cidr('10.240.0.0/24'), [
      cidr('10.240.0.32/27'),
    ]);
    const handedOut = Array.from({ length: 8 }, () => allocator.next(27)).map(
      c => c && formatCidr(c),
    );
    expect(handedOut).toEqual([
      '10.240.0.0/27',
      '10.240.0.64/27',
      '10.240.0.96/27',
      '10.240.0.128/27',
      '10.240.0.160/27',
      '10.240.0.192/27',
      '10.240.0.224/27',
      undefined,
    ]);
  });

  it('gives back released space, including inside a larger taken range', () => {
    const allocator = new SubnetAllocator(cidr('10.240.0.0/24'), [
      cidr('10.240.0.0/24'),
    ]);
    expect(allocator.next(28)).toBeUndefined();
    allocator.release(cidr('10.240.0.64/27'));
    expect(allocator.next(28)).toEqual(cidr('10.240.0.64/28'));
    expect(allocator.next(28)).toEqual(cidr('10.240.0.80/28'));
    expect(allocator.next(28)).toBeUndefined();
  });

  it('finds a block that a release completes below the released range', () => {
    // Everything but 10.240.0.32/28 is taken: no /27 is free.
    const allocator = new SubnetAllocator(
      cidr('10.240.0.0/24'),
      [
        '10.240.0.0/27',
        '10.240.0.48/28',
        '10.240.0.64/26',
        '10.240.0.128/25',
      ].map(cidr),
    );
    expect(allocator.next(27)).toBeUndefined();
    // Freeing the upper half completes 10.240.0.32/27, which starts below it.
    allocator.release(cidr('10.240.0.48/28'));
    expect(allocator.next(27)).toEqual(cidr('10.240.0.32/27'));
  });

  it('reports what is taken, merged and clipped to the pool', () => {
    const allocator = new SubnetAllocator(cidr('10.240.0.0/24'), [
      cidr('10.240.0.0/27'),
      cidr('10.240.0.32/27'),
      cidr('10.240.0.40/29'),
      cidr('10.240.0.255/32'),
      cidr('10.240.1.0/24'),
      cidr('fd00::/8'),
    ]);
    allocator.release(cidr('10.240.0.8/29'));
    expect(allocator.takenCidrs().map(formatCidr)).toEqual([
      '10.240.0.0/29',
      '10.240.0.16/28',
      '10.240.0.32/27',
      '10.240.0.255/32',
    ]);
    expect(
      new SubnetAllocator(cidr('10.240.0.0/24'), [
        cidr('10.0.0.0/8'),
      ]).takenCidrs(),
    ).toEqual([cidr('10.240.0.0/24')]);
  });

  it('keeps single addresses left at either edge of a release', () => {
    const allocator = new SubnetAllocator(cidr('10.240.0.0/24'), [
      cidr('10.240.0.3/32'),
      cidr('10.240.0.4/30'),
      cidr('10.240.0.8/32'),
    ]);
    allocator.release(cidr('10.240.0.4/30'));
    expect(allocator.takenCidrs().map(formatCidr)).toEqual([
      '10.240.0.3/32',
      '10.240.0.8/32',
    ]);
  });

  it('peeks without taking, and take is idempotent', () => {
    const allocator = new SubnetAllocator(cidr('10.240.0.0/16'));
    expect(allocator.peek(27)).toEqual(cidr('10.240.0.0/27'));
    expect(allocator.peek(27)).toEqual(cidr('10.240.0.0/27'));
    allocator.take(cidr('10.240.0.0/27'));
    allocator.take(cidr('10.240.0.0/27'));
    expect(allocator.isFree(cidr('10.240.0.0/27'))).toBe(false);
    expect(allocator.isFree(cidr('10.240.0.32/27'))).toBe(true);
    expect(allocator.isFree(cidr('10.241.0.0/27'))).toBe(false);
    expect(allocator.isFree(cidr('fd00::/120'))).toBe(false);
    allocator.release(cidr('10.240.0.0/27'));
    expect(allocator.next(27)).toEqual(cidr('10.240.0.0/27'));
  });

  it('ignores ranges of the other family and outside the pool', () => {
    const allocator = new SubnetAllocator(cidr('fd00::/112'), [
      cidr('10.0.0.0/8'),
      cidr('fd00::1:0/112'),
    ]);
    allocator.take(cidr('10.0.0.0/8'));
    expect(allocator.next(120)).toEqual(cidr('fd00::/120'));
    expect(allocator.next(112)).toBeUndefined();
    expect(allocator.next(111)).toBeUndefined();
    expect(() => allocator.next(129)).toThrow(RangeError);
  });

  it.each<[string, PoolCase]>([
    ['IPv4 /24 pool', IPV4_CASE],
    ['IPv6 /112 pool', IPV6_CASE],
  ])(
    'agrees with nextFreeSubnet and brute force over any take/release/next sequence (%s)',
    (_, poolCase) => {
      const { pool, requestPrefixes } = poolCase;
      const operationArb = fc.oneof(
        {
          arbitrary: fc.record({
            kind: fc.constant('next' as const),
            prefix: fc.integer(requestPrefixes),
          }),
          weight: 5,
        },
        {
          arbitrary: takenArb(poolCase, 4).map(ranges => ({
            kind: 'take' as const,
            ranges,
          })),
          weight: 1,
        },
        {
          arbitrary: takenArb(poolCase, 4).map(ranges => ({
            kind: 'release' as const,
            ranges,
          })),
          weight: 2,
        },
      );
      fc.assert(
        fc.property(
          takenArb(poolCase),
          fc.array(operationArb, { maxLength: 30 }),
          (initial, operations) => {
            const allocator = new SubnetAllocator(pool, initial);
            // The model: a plain list of taken ranges; release carves with subtract.
            let model: Cidr[] = [...initial];
            // Per `next`: what the allocator gave, nextFreeSubnet and brute force.
            const answers: Array<{
              got?: Cidr;
              aligned?: Cidr;
              stateless?: Cidr;
              oracle?: Cidr;
            }> = [];
            for (const operation of operations) {
              if (operation.kind === 'next') {
                const { prefix } = operation;
                const stateless = nextFreeSubnet({
                  pool,
                  prefix,
                  taken: model,
                });
                const oracle = bruteForceNextFree(pool, prefix, model);
                const got = allocator.next(prefix);
                const aligned =
                  got && cidrContaining(pool.family, got.network, prefix);
                answers.push({ got, aligned, stateless, oracle });
                if (got) model.push(got);
              } else if (operation.kind === 'take') {
                operation.ranges.forEach(range => allocator.take(range));
                model.push(...operation.ranges);
              } else {
                for (const range of operation.ranges) {
                  allocator.release(range);
                  model = model.flatMap(t => subtract(t, range));
                }
              }
            }
            expect(answers.map(a => a.got)).toEqual(answers.map(a => a.oracle));
            expect(answers.map(a => a.stateless)).toEqual(
              answers.map(a => a.oracle),
            );
            // Aligned to its own prefix (or nothing was found).
            expect(answers.map(a => a.aligned)).toEqual(
              answers.map(a => a.got),
            );
            expectSameAddresses(pool, allocator.takenCidrs(), model);
          },
        ),
        { numRuns: 200 },
      );
    },
  );
});

/**
 * Both lists cover the same addresses of the pool. Membership is constant between
 * range edges, so comparing it at every edge and its neighbours is exhaustive.
 */
function expectSameAddresses(pool: Cidr, actual: Cidr[], model: Cidr[]) {
  for (const range of actual) {
    expect(containsCidr(pool, range)).toBe(true);
  }
  const edges = [...actual, ...model, pool].flatMap(range => {
    const last = lastAddress(range);
    return [range.network - 1n, range.network, last, last + 1n];
  });
  for (const address of edges) {
    if (!containsIp(pool, pool.family, address)) continue;
    const inActual = actual.some(r => containsIp(r, pool.family, address));
    const inModel = model.some(r => containsIp(r, pool.family, address));
    expect(inActual).toBe(inModel);
  }
}
