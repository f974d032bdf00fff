import fc from 'fast-check';
import { formatIp, parseIp } from './ipAddress';
import { IpFamily } from './ipFamily';
import { ipValueArb } from './__testUtils__/cidrArbitraries';

const NUM_RUNS = 200;

describe('parseIp', () => {
  it.each<[string, IpFamily, bigint]>([
    ['0.0.0.0', 'ipv4', 0n],
    ['10.0.0.10', 'ipv4', 0x0a00000an],
    ['255.255.255.255', 'ipv4', 0xffffffffn],
    ['::', 'ipv6', 0n],
    ['::1', 'ipv6', 1n],
    ['1::', 'ipv6', 1n << 112n],
    ['2001:db8::', 'ipv6', 0x20010db8n << 96n],
    ['2001:DB8:0:0:0:0:0:0', 'ipv6', 0x20010db8n << 96n],
    ['2001:0db8:0000::0000', 'ipv6', 0x20010db8n << 96n],
    ['fd12:3456::', 'ipv6', 0xfd123456n << 96n],
    ['::ffff:1.2.3.4', 'ipv6', (0xffffn << 32n) | 0x01020304n],
    ['64:ff9b::192.0.2.33', 'ipv6', (0x64ff9bn << 96n) | 0xc0000221n],
    ['1:2:3:4:5:6:7:8', 'ipv6', 0x00010002000300040005000600070008n],
    ['1:2:3:4:5:6:1.2.3.4', 'ipv6', 0x00010002000300040005000601020304n],
  ])('reads %s', (text, family, value) => {
    expect(parseIp(text)).toEqual({ ok: true, family, value });
  });

  it.each<[string, RegExp]>([
    ['', /empty address/],
    ['garbage', /'garbage' is not an IPv4 \(a\.b\.c\.d\) or IPv6/],
    ['10.0.0', /needs 4 dot-separated octets, got 3/],
    ['10.0.0.0.0', /needs 4 dot-separated octets, got 5/],
    ['10..0.1', /empty octet/],
    ['999.1.1.1', /octet 999 is out of range 0–255/],
    ['10.0.0.256', /octet 256 is out of range 0–255/],
    ['010.0.0.1', /octet '010' has a leading zero/],
    ['10.0.0.x', /octet 'x' is not a decimal number/],
    ['10.0.0.-1', /octet '-1' is not a decimal number/],
    [' 10.0.0.1', /whitespace is not allowed/],
    ['10.0.0.1\n', /whitespace is not allowed/],
    ['fd00::1::2', /'::' may appear only once/],
    ['fd00:::1', /':::' is not valid/],
    ['1:2:3:4:5:6:7:8:9', /needs 8 groups, got 9 \(too many groups\)/],
    ['1:2:3:4:5:6:7', /needs 8 groups, got 7/],
    ['1:2:3:4::5:6:7:8', /too many groups in IPv6 address: 8 groups plus '::'/],
    ['fd0g::1', /unexpected character 'g' in IPv6 address/],
    ['12345::', /group '12345' has more than 4 hex digits/],
    [':1::', /empty group/],
    ['1::2:', /empty group/],
    ['fe80::1%eth0', /zone index/],
    ['1.2.3.4::', /embedded IPv4 address may only be the last part/],
    ['::1.2.3.4:5', /embedded IPv4 address may only be the last part/],
    ['::ffff:1.2.3', /embedded IPv4 address needs 4 dot-separated octets/],
    ['::ffff:1.2.3.256', /embedded octet 256 is out of range 0–255/],
    ['1:2:3:4:5:6:7:1.2.3.4', /needs 8 groups, got 9/],
  ])('rejects %j: %s', (text, reason) => {
    const result = parseIp(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('never throws, whatever the text', () => {
    const ipChars = fc.constantFrom(
      ...'0123456789abcdefABCDEF:.%/ x'.split(''),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: ipChars, maxLength: 45 })),
        text => {
          const result = parseIp(text);
          expect(result.ok || result.reason.length > 0).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('formatIp', () => {
  it.each<[IpFamily, bigint, string]>([
    ['ipv4', 0n, '0.0.0.0'],
    ['ipv4', 0x0af00000n, '10.240.0.0'],
    ['ipv4', 0xffffffffn, '255.255.255.255'],
    ['ipv6', 0n, '::'],
    ['ipv6', 1n, '::1'],
    ['ipv6', 0x20010db8n << 96n, '2001:db8::'],
    ['ipv6', 0xfd123456n << 96n, 'fd12:3456::'],
    // RFC 5952 §4.2.3: the longest run is compressed, the first one on a tie.
    ['ipv6', 0x20010db8000000000001000000000001n, '2001:db8::1:0:0:1'],
    ['ipv6', 0x20010db8000000010000000000000001n, '2001:db8:0:1::1'],
    // RFC 5952 §4.2.2: a single zero group is not compressed.
    ['ipv6', 0x20010db8000000010001000100010001n, '2001:db8:0:1:1:1:1:1'],
    // RFC 5952 §4.3: lowercase; §4.1: no leading zeros.
    ['ipv6', 0x20010db8abcd00120000000000000001n, '2001:db8:abcd:12::1'],
    // RFC 5952 §5: IPv4-mapped addresses keep the dotted tail.
    ['ipv6', (0xffffn << 32n) | 0xc0000201n, '::ffff:192.0.2.1'],
    ['ipv6', (1n << 128n) - 1n, 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ])('writes %s %s as %s', (family, value, text) => {
    expect(formatIp(family, value)).toBe(text);
  });

  it.each<[IpFamily, bigint]>([
    ['ipv4', -1n],
    ['ipv4', 1n << 32n],
    ['ipv6', 1n << 128n],
  ])('refuses %s value %s', (family, value) => {
    expect(() => formatIp(family, value)).toThrow(RangeError);
  });
});

describe('parseIp ∘ formatIp', () => {
  it.each<IpFamily>(['ipv4', 'ipv6'])('round-trips every %s value', family => {
    fc.assert(
      fc.property(ipValueArb(family), value => {
        expect(parseIp(formatIp(family, value))).toEqual({
          ok: true,
          family,
          value,
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('matches the WHATWG URL serializer for IPv6 (outside the IPv4-mapped form)', () => {
    // The URL standard compresses like RFC 5952 but never writes a dotted tail.
    fc.assert(
      fc.property(
        ipValueArb('ipv6').filter(v => v >> 32n !== 0xffffn),
        value => {
          const text = formatIp('ipv6', value);
          expect(new URL(`http://[${text}]/`).hostname).toBe(`[${text}]`);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('reads every RFC 4291 spelling of an IPv6 address', () => {
    // Random spelling: any zero run compressed (or none), padded groups, mixed
    // case, and a dotted IPv4 tail.
    const spelling = fc.record({
      value: ipValueArb('ipv6'),
      compress: fc.nat(),
      pad: fc.array(fc.integer({ min: 0, max: 3 }), {
        minLength: 8,
        maxLength: 8,
      }),
      upper: fc.boolean(),
      dottedTail: fc.boolean(),
    });
    fc.assert(
      fc.property(spelling, ({ value, compress, pad, upper, dottedTail }) => {
        const groups = Array.from({ length: 8 }, (_, i) =>
          Number((value >> BigInt(112 - 16 * i)) & 0xffffn),
        );
        let parts = groups.map((g, i) => {
          const hex = g.toString(16);
          const padded = '0'.repeat(Math.max(0, pad[i] + 1 - hex.length)) + hex;
          return upper ? padded.toUpperCase() : padded;
        });
        if (dottedTail) {
          const low = Number(value & 0xffffffffn);
          parts = [
            ...parts.slice(0, 6),
            [low >>> 24, (low >>> 16) & 255, (low >>> 8) & 255, low & 255].join(
              '.',
            ),
          ];
        }
        // Zero runs among the hex groups that may be written as '::'.
        const runs: Array<[number, number]> = [];
        const hexCount = dottedTail ? 6 : 8;
        for (let i = 0; i < hexCount; i++) {
          for (let j = i; j < hexCount && groups[j] === 0; j++) {
            runs.push([i, j + 1]);
          }
        }
        let text = parts.join(':');
        if (runs.length > 0 && compress % 3 !== 0) {
          const [from, to] = runs[compress % runs.length];
          text = `${parts.slice(0, from).join(':')}::${parts
            .slice(to)
            .join(':')}`;
        }
        expect(parseIp(text)).toEqual({ ok: true, family: 'ipv6', value });
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
