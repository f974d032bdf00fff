import fc from 'fast-check';
import {
  cidrContaining,
  cidrEquals,
  cidrSize,
  compareCidrs,
  createCidr,
  firstAddress,
  lastAddress,
} from './cidr';
import { formatIp } from './ipAddress';
import { IpFamily } from './ipFamily';
import { formatCidr, parseCidrOrThrow } from './parseCidr';
import { rangeToCidrs } from './rangeToCidrs';
import { familyArb, ipValueArb } from './__testUtils__/cidrArbitraries';

const cidr = parseCidrOrThrow;

describe('cidr size and bounds', () => {
  it.each<[string, bigint, string, string]>([
    ['10.240.0.0/27', 32n, '10.240.0.0', '10.240.0.31'],
    ['10.240.0.0/24', 256n, '10.240.0.0', '10.240.0.255'],
    ['10.244.0.0/16', 65536n, '10.244.0.0', '10.244.255.255'],
    ['10.0.0.10/32', 1n, '10.0.0.10', '10.0.0.10'],
    ['0.0.0.0/0', 1n << 32n, '0.0.0.0', '255.255.255.255'],
    [
      'fd00::/8',
      1n << 120n,
      'fd00::',
      'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    ],
    ['fd00::/108', 1n << 20n, 'fd00::', 'fd00::f:ffff'],
    ['::/0', 1n << 128n, '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ])('%s has %s addresses, %s to %s', (text, size, first, last) => {
    const range = cidr(text);
    expect(cidrSize(range)).toBe(size);
    expect(formatIp(range.family, firstAddress(range))).toBe(first);
    expect(formatIp(range.family, lastAddress(range))).toBe(last);
  });
});

describe('createCidr', () => {
  it('builds a checked range', () => {
    expect(createCidr('ipv4', 0x0a000000n, 8)).toEqual(cidr('10.0.0.0/8'));
  });

  it.each<[IpFamily, bigint, number, RegExp]>([
    ['ipv4', 0n, 33, /prefix 33 is out of range 0–32 for IPv4/],
    ['ipv6', 0n, -1, /prefix -1 is out of range 0–128 for IPv6/],
    ['ipv4', 0n, 1.5, /prefix 1.5 is out of range/],
    ['ipv4', 1n << 32n, 32, /not an IPv4 address value/],
    ['ipv4', 0x0a000001n, 24, /host bits are set/],
  ])('refuses %s %s/%s', (family, network, prefix, message) => {
    expect(() => createCidr(family, network, prefix)).toThrow(message);
  });
});

describe('cidrContaining', () => {
  it('clears host bits', () => {
    expect(cidrContaining('ipv4', 0x0a000001n, 24)).toEqual(
      cidr('10.0.0.0/24'),
    );
    expect(cidrContaining('ipv6', 0xfd123456n << 96n, 8)).toEqual(
      cidr('fd00::/8'),
    );
  });
});

describe('compareCidrs', () => {
  it('sorts IPv4 first, then by address, larger range first', () => {
    const sorted = [
      'fd00::/8',
      '10.0.1.0/24',
      '10.0.0.0/24',
      '10.0.0.0/16',
      '::/0',
    ]
      .map(cidr)
      .sort(compareCidrs)
      .map(formatCidr);
    expect(sorted).toEqual([
      '10.0.0.0/16',
      '10.0.0.0/24',
      '10.0.1.0/24',
      '::/0',
      'fd00::/8',
    ]);
    expect(cidrEquals(cidr('10.0.0.0/8'), cidr('10.0.0.0/8'))).toBe(true);
    expect(cidrEquals(cidr('10.0.0.0/8'), cidr('10.0.0.0/9'))).toBe(false);
  });
});

describe('rangeToCidrs', () => {
  it.each<[IpFamily, string, string, string[]]>([
    ['ipv4', '10.0.0.0', '10.0.0.255', ['10.0.0.0/24']],
    [
      'ipv4',
      '10.0.0.1',
      '10.0.0.6',
      ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32'],
    ],
    ['ipv4', '0.0.0.0', '255.255.255.255', ['0.0.0.0/0']],
    ['ipv6', '::', '::ff', ['::/120']],
  ])('covers %s %s-%s exactly', (family, first, last, expected) => {
    const value = (text: string) =>
      cidr(`${text}/${family === 'ipv4' ? 32 : 128}`).network;
    expect(
      rangeToCidrs(family, value(first), value(last)).map(formatCidr),
    ).toEqual(expected);
  });

  it('is empty for an empty range', () => {
    expect(rangeToCidrs('ipv4', 5n, 4n)).toEqual([]);
  });

  it('covers any range exactly with blocks that cannot merge', () => {
    const rangeArb = familyArb.chain(family =>
      fc.tuple(
        fc.constant(family),
        ipValueArb(family),
        fc.bigInt({ min: 0n, max: 1n << 20n }),
      ),
    );
    fc.assert(
      fc.property(rangeArb, ([family, first, length]) => {
        const max = family === 'ipv4' ? (1n << 32n) - 1n : (1n << 128n) - 1n;
        const last = first + length > max ? max : first + length;
        const pieces = rangeToCidrs(family, first, last);
        let next = first;
        for (const piece of pieces) {
          expect(piece.network).toBe(next);
          expect(cidrContaining(family, piece.network, piece.prefix)).toEqual(
            piece,
          );
          next = lastAddress(piece) + 1n;
        }
        // Two equal neighbours that form one aligned block would not be minimal.
        const mergeable = pieces.filter(
          (piece, i) =>
            pieces[i + 1]?.prefix === piece.prefix &&
            cidrContaining(family, piece.network, piece.prefix - 1).network ===
              piece.network,
        );
        expect(mergeable).toEqual([]);
        expect(next).toBe(last + 1n);
      }),
      { numRuns: 200 },
    );
  });
});
