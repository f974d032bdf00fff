import fc from 'fast-check';
import { Cidr, cidrContaining, cidrSize } from '../cidr';
import { IpFamily, ipFamilyBits, maxIpValue } from '../ipFamily';

/** Any address value of the family. */
export function ipValueArb(family: IpFamily): fc.Arbitrary<bigint> {
  if (family === 'ipv4') {
    return fc.bigInt({ min: 0n, max: maxIpValue('ipv4') });
  }
  // Uniform 128-bit values almost never hold zero groups, so build most values
  // group by group with zeros common: that is where RFC 5952 compression lives.
  const grouped = fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
      minLength: 8,
      maxLength: 8,
    })
    .map(groups => groups.reduce((v, g) => (v << 16n) | BigInt(g), 0n));
  const mapped = fc
    .bigInt({ min: 0n, max: maxIpValue('ipv4') })
    .map(v4 => (0xffffn << 32n) | v4);
  return fc.oneof(
    { arbitrary: grouped, weight: 6 },
    { arbitrary: fc.bigInt({ min: 0n, max: maxIpValue('ipv6') }), weight: 2 },
    { arbitrary: mapped, weight: 1 },
    { arbitrary: fc.constantFrom(0n, 1n, maxIpValue('ipv6')), weight: 1 },
  );
}

export const familyArb: fc.Arbitrary<IpFamily> = fc.constantFrom(
  'ipv4',
  'ipv6',
);

/** Any CIDR of the family (network = a random address with host bits cleared). */
export function cidrArb(family: IpFamily): fc.Arbitrary<Cidr> {
  return fc
    .tuple(
      ipValueArb(family),
      fc.integer({ min: 0, max: ipFamilyBits(family) }),
    )
    .map(([value, prefix]) => cidrContaining(family, value, prefix));
}

/**
 * Two CIDRs of one family built around nearby addresses, so that nesting,
 * equality and disjointness all show up often (independent random CIDRs are
 * almost always disjoint).
 */
export function relatedCidrPairArb(
  family: IpFamily,
): fc.Arbitrary<[Cidr, Cidr]> {
  const bits = ipFamilyBits(family);
  return fc
    .tuple(
      ipValueArb(family),
      fc.bigInt({ min: 0n, max: 4095n }),
      fc.integer({ min: 0, max: bits }),
      fc.integer({ min: 0, max: bits }),
      fc.boolean(),
    )
    .map(([base, jitter, p1, p2, sameBase]): [Cidr, Cidr] => {
      const other = sameBase ? base : base ^ jitter;
      return [
        cidrContaining(family, base, p1),
        cidrContaining(family, other, p2),
      ];
    });
}

/** An address inside `cidr`, picked from a random 128-bit number. */
export function addressIn(cidr: Cidr, random: bigint): bigint {
  return cidr.network + (random % cidrSize(cidr));
}

export const randomOffsetArb = fc.bigInt({ min: 0n, max: maxIpValue('ipv6') });
