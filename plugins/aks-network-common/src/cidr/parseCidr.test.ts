import fc from 'fast-check';
import { Cidr } from './cidr';
import { IpFamily } from './ipFamily';
import { formatCidr, parseCidr, parseCidrOrThrow } from './parseCidr';
import { cidrArb } from './__testUtils__/cidrArbitraries';

describe('parseCidr', () => {
  it.each<[string, IpFamily, bigint, number, string]>([
    ['10.0.0.0/8', 'ipv4', 0x0a000000n, 8, '10.0.0.0/8'],
    ['10.240.0.0/16', 'ipv4', 0x0af00000n, 16, '10.240.0.0/16'],
    ['10.244.0.0/16', 'ipv4', 0x0af40000n, 16, '10.244.0.0/16'],
    ['0.0.0.0/0', 'ipv4', 0n, 0, '0.0.0.0/0'],
    ['10.0.0.10/32', 'ipv4', 0x0a00000an, 32, '10.0.0.10/32'],
    ['fd00::/8', 'ipv6', 0xfdn << 120n, 8, 'fd00::/8'],
    ['2001:db8::/32', 'ipv6', 0x20010db8n << 96n, 32, '2001:db8::/32'],
    ['2001:0DB8:0000::/32', 'ipv6', 0x20010db8n << 96n, 32, '2001:db8::/32'],
    ['::/0', 'ipv6', 0n, 0, '::/0'],
    ['::1/128', 'ipv6', 1n, 128, '::1/128'],
    ['fd12:3456::/64', 'ipv6', 0xfd123456n << 96n, 64, 'fd12:3456::/64'],
    [
      '::ffff:10.0.0.0/104',
      'ipv6',
      (0xffffn << 32n) | 0x0a000000n,
      104,
      '::ffff:10.0.0.0/104',
    ],
  ])('reads %s', (text, family, network, prefix, canonical) => {
    const result = parseCidr(text);
    expect(result).toEqual({ ok: true, cidr: { family, network, prefix } });
    expect(result.ok && formatCidr(result.cidr)).toBe(canonical);
  });

  it.each<[string, RegExp]>([
    ['10.0.0.0/33', /prefix 33 is out of range 0–32 for IPv4/],
    ['fd00::/129', /prefix 129 is out of range 0–128 for IPv6/],
    [
      '10.0.0.1/24',
      /host bits are set: 10\.0\.0\.1\/24 is not a network address \(did you mean 10\.0\.0\.0\/24\?\)/,
    ],
    ['fd00::1/64', /host bits are set.*did you mean fd00::\/64\?/],
    ['999.1.1.1/8', /octet 999 is out of range 0–255/],
    ['010.0.0.0/8', /octet '010' has a leading zero/],
    ['10.0.0.0', /missing prefix length/],
    ['fd00::', /missing prefix length.*fd00::\/64/],
    ['10.0.0.0/', /missing prefix length after '\/'/],
    ['', /empty CIDR/],
    ['garbage', /'garbage' is not an IPv4/],
    ['garbage/8', /'garbage' is not an IPv4/],
    ['/8', /empty address/],
    ['10.0.0.0/8/8', /more than one '\/'/],
    ['10.0.0.0/x', /prefix 'x' is not a decimal number/],
    ['10.0.0.0/-1', /prefix '-1' is not a decimal number/],
    ['10.0.0.0/08', /prefix '08' has a leading zero/],
    [
      '10.0.0.0/99999999999999999999',
      /prefix 99999999999999999999 is out of range/,
    ],
    ['fd00::1::/64', /'::' may appear only once/],
    ['1:2:3:4:5:6:7:8:9/64', /too many groups/],
    ['fd0g::/16', /unexpected character 'g'/],
    ['fd000::/16', /more than 4 hex digits/],
    [' 10.0.0.0/8', /whitespace is not allowed/],
    ['10.0.0.0/8 ', /whitespace is not allowed/],
    ['10.0.0.0 /8', /whitespace is not allowed/],
  ])('rejects %j: %s', (text, reason) => {
    const result = parseCidr(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('never throws, whatever the text', () => {
    const cidrChars = fc.constantFrom(...'0123456789abcdef:./ '.split(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: cidrChars, maxLength: 50 })),
        text => {
          const result = parseCidr(text);
          // Whatever it accepts formats to text it reads back the same; whatever
          // it refuses comes with a reason.
          const again = result.ok ? parseCidr(formatCidr(result.cidr)) : result;
          expect(again).toEqual(result);
          expect(result.ok || result.reason.length > 0).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each<IpFamily>(['ipv4', 'ipv6'])('round-trips every %s CIDR', family => {
    fc.assert(
      fc.property(cidrArb(family), (cidr: Cidr) => {
        expect(parseCidr(formatCidr(cidr))).toEqual({ ok: true, cidr });
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseCidrOrThrow', () => {
  it('returns the range of a good literal', () => {
    expect(parseCidrOrThrow('169.254.0.0/16')).toEqual({
      family: 'ipv4',
      network: 0xa9fe0000n,
      prefix: 16,
    });
  });

  it('throws with the reason for a bad literal', () => {
    expect(() => parseCidrOrThrow('10.0.0.1/8')).toThrow(
      "Invalid CIDR '10.0.0.1/8': host bits are set",
    );
  });
});
