import { parseCidrOrThrow } from '../cidr';
import { countFreeSubnets } from './countFreeSubnets';

const cidrs = (...texts: string[]) => texts.map(text => parseCidrOrThrow(text));

describe('countFreeSubnets', () => {
  it('counts the /27s of a /20 and takes off every block a range touches', () => {
    const pool = parseCidrOrThrow('10.250.16.0/20');
    expect(countFreeSubnets(pool, 27, [])).toEqual({ total: 128, free: 128 });
    expect(
      countFreeSubnets(
        pool,
        27,
        cidrs(
          '10.250.16.0/27', // one block
          '10.250.16.32/28', // half of the next: the block is not free
          '10.250.16.48/28', // the other half of the same block: counted once
          '10.250.17.0/24', // eight blocks
          '10.250.17.0/27', // inside the /24: nothing more
          '10.250.0.0/24', // outside the pool
          'fd00::/64', // another family
        ),
      ),
    ).toEqual({ total: 128, free: 128 - 1 - 1 - 8 });
  });

  it('clips a range that covers the pool and more', () => {
    const pool = parseCidrOrThrow('10.250.16.0/20');
    expect(countFreeSubnets(pool, 27, cidrs('10.250.0.0/16'))).toEqual({
      total: 128,
      free: 0,
    });
  });

  it('counts a /8 pool without a block-sized table', () => {
    const pool = parseCidrOrThrow('10.0.0.0/8');
    expect(countFreeSubnets(pool, 27, cidrs('10.0.0.0/16'))).toEqual({
      total: 524_288,
      free: 524_288 - 2048,
    });
  });

  it('has no subnets of a prefix larger than the pool', () => {
    expect(
      countFreeSubnets(parseCidrOrThrow('10.250.16.0/27'), 24, []),
    ).toEqual({ total: 0, free: 0 });
  });
});
