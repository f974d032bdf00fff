import fc from 'fast-check';
import { Cidr } from './cidr';
import { containsCidr, containsIp, overlaps } from './cidrRelations';
import { IpFamily } from './ipFamily';
import { parseCidrOrThrow as cidr } from './parseCidr';
import { parseIp } from './ipAddress';
import { familyArb, relatedCidrPairArb } from './__testUtils__/cidrArbitraries';

function ip(text: string): [IpFamily, bigint] {
  const result = parseIp(text);
  if (!result.ok) throw new Error(result.reason);
  return [result.family, result.value];
}

describe('containsCidr', () => {
  it.each<[string, string, boolean]>([
    ['fd00::/8', 'fd12:3456::/64', true],
    ['fd12:3456::/64', 'fd00::/8', false],
    ['10.0.0.0/8', '10.240.0.0/16', true],
    ['10.0.0.0/8', '10.0.0.0/8', true],
    ['10.0.0.0/16', '10.1.0.0/24', false],
    ['0.0.0.0/0', '192.0.2.0/24', true],
    ['::/0', '10.0.0.0/8', false],
    ['::ffff:0.0.0.0/96', '10.0.0.0/8', false],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(containsCidr(cidr(outer), cidr(inner))).toBe(expected);
  });
});

describe('containsIp', () => {
  it.each<[string, string, boolean]>([
    ['10.0.0.0/16', '10.0.0.10', true],
    ['10.0.0.0/16', '10.0.255.255', true],
    ['10.0.0.0/16', '10.1.0.0', false],
    ['fd00::/8', 'fd12:3456::1', true],
    ['fd00::/8', 'fe00::', false],
    ['::/0', '10.0.0.1', false],
    ['10.0.0.0/8', '::ffff:10.0.0.1', false],
  ])('%s contains %s: %s', (range, address, expected) => {
    expect(containsIp(cidr(range), ...ip(address))).toBe(expected);
  });
});

describe('overlaps', () => {
  it.each<[string, string, boolean]>([
    ['10.244.0.0/16', '10.0.0.0/16', false],
    ['10.240.0.0/16', '10.240.100.0/24', true],
    ['172.16.0.0/12', '172.30.0.0/16', true],
    ['10.0.0.0/8', '::/0', false],
    ['fd00::/8', 'fd00::/8', true],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(overlaps(cidr(a), cidr(b))).toBe(expected);
  });

  it('is symmetric and equals containment either way', () => {
    fc.assert(
      fc.property(
        familyArb.chain(relatedCidrPairArb),
        ([a, b]: [Cidr, Cidr]) => {
          expect(overlaps(a, b)).toBe(overlaps(b, a));
          expect(overlaps(a, b)).toBe(containsCidr(a, b) || containsCidr(b, a));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is false across families', () => {
    fc.assert(
      fc.property(
        relatedCidrPairArb('ipv4'),
        relatedCidrPairArb('ipv6'),
        ([a], [b]) => {
          expect(overlaps(a, b)).toBe(false);
          expect(containsCidr(a, b) || containsCidr(b, a)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
