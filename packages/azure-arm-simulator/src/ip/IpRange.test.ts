import {
  cidrSize,
  containsCidr,
  containsIp,
  formatCidr,
  formatIp,
  overlaps,
  parseCidr,
  parseCidrOrThrow,
  parseIp,
} from './IpRange';

describe("the simulator's IP ranges", () => {
  it.each<[string, string]>([
    ['10.240.0.0/16', '10.240.0.0/16'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['10.0.0.7/32', '10.0.0.7/32'],
    ['fd12:3456:789a::/64', 'fd12:3456:789a::/64'],
    ['fd12:3456:789a:1::/108', 'fd12:3456:789a:1::/108'],
    ['FD12:3456:789A:0001:0000:0000:0000:0000/64', 'fd12:3456:789a:1::/64'],
    // RFC 5952: the longest run of zero groups becomes '::', the first of equal ones.
    ['2001:db8:0:0:1:0:0:0/128', '2001:db8:0:0:1::/128'],
    ['2001:db8:0:0:1:0:0:1/128', '2001:db8::1:0:0:1/128'],
    ['2001:db8:0:1:2:3:4:5/128', '2001:db8:0:1:2:3:4:5/128'],
    ['::/0', '::/0'],
    ['::ffff:10.0.0.0/104', '::ffff:a00:0/104'],
  ])('reads %s as %s', (text, canonical) => {
    const parsed = parseCidr(text);
    expect(parsed.ok && formatCidr(parsed.cidr)).toBe(canonical);
  });

  it.each<[string, RegExp]>([
    ['10.0.0.1/24', /should be 10\.0\.0\.0\/24/],
    ['10.0.0.0/33', /prefix '33'/],
    ['10.0.0.0', /no prefix length/],
    ['10.0.0.256/32', /octet/],
    ['10.0.0.01/32', /leading zero/],
    ['10.0.0/24', /dotted-quad/],
    ['fd00::1::/64', /more than once/],
    ['fd00:1:2:3:4:5:6/64', /8 groups/],
    ['fd00::g/64', /hex digits/],
    [' 10.0.0.0/8', /whitespace/],
    ['10.0.0.0/08', /prefix '08'/],
  ])('refuses %p, saying why', (text, reason) => {
    const parsed = parseCidr(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });

  it('formats addresses as Azure shows them', () => {
    expect(formatIp('ipv4', 0x0a00000an)).toBe('10.0.0.10');
    const v6 = parseIp('fd12:0:0:1:0:0:0:1');
    expect(v6.ok && formatIp(v6.family, v6.value)).toBe('fd12:0:0:1::1');
    const one = parseIp('::1');
    expect(one.ok && one.value).toBe(1n);
  });

  it('relates ranges', () => {
    const vnet = parseCidrOrThrow('10.240.0.0/16');
    const subnet = parseCidrOrThrow('10.240.4.0/27');
    const other = parseCidrOrThrow('10.241.0.0/16');
    const v6 = parseCidrOrThrow('fd00::/8');
    expect(containsCidr(vnet, subnet)).toBe(true);
    expect(containsCidr(subnet, vnet)).toBe(false);
    expect(overlaps(subnet, vnet)).toBe(true);
    expect(overlaps(vnet, other)).toBe(false);
    expect(overlaps(vnet, v6)).toBe(false);
    expect(containsIp(vnet, 'ipv4', 0x0af0ffffn)).toBe(true);
    expect(containsIp(vnet, 'ipv6', 0x0af00001n)).toBe(false);
    expect(cidrSize(subnet)).toBe(32n);
    expect(() => parseCidrOrThrow('10.0.0.1/8')).toThrow(TypeError);
  });
});
