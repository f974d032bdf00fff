import { IpFamily, ipFamilyLabel, maxIpValue } from './ipFamily';
import { formatIpv4Text, parseIpv4Text } from './ipv4Text';
import { formatIpv6Text, parseIpv6Text } from './ipv6Text';

/**
 * Result of {@link parseIp}: the address as an unsigned number, or why the text
 * is not one.
 *
 * @public
 */
export type IpParseResult =
  | { ok: true; family: IpFamily; value: bigint }
  | { ok: false; reason: string };

/**
 * Reads a single IPv4 (`10.0.0.10`) or IPv6 (`fd00::1`, `::ffff:10.0.0.1`) address.
 *
 * Never throws. Whitespace is rejected rather than trimmed: these strings end up
 * in ARM requests and config files, and a parser that quietly accepts `" 10.0.0.0"`
 * lets a value through that the next tool may not accept. Callers that read form
 * input trim before parsing.
 *
 * @public
 */
export function parseIp(text: string): IpParseResult {
  if (typeof text !== 'string') {
    return { ok: false, reason: 'expected the address as a string' };
  }
  if (text === '') {
    return { ok: false, reason: 'empty address' };
  }
  if (/\s/.test(text)) {
    return {
      ok: false,
      reason: 'whitespace is not allowed in an address (trim the input)',
    };
  }
  if (text.includes(':')) {
    const v6 = parseIpv6Text(text);
    return v6.ok ? { ok: true, family: 'ipv6', value: v6.value } : v6;
  }
  if (text.includes('.')) {
    const v4 = parseIpv4Text(text);
    return v4.ok ? { ok: true, family: 'ipv4', value: v4.value } : v4;
  }
  return {
    ok: false,
    reason: `'${text}' is not an IPv4 (a.b.c.d) or IPv6 (x:x::x) address`,
  };
}

/**
 * Text of an address: dotted quad for IPv4, RFC 5952 canonical form for IPv6
 * (lowercase, shortest, `::` for the longest zero run, `::ffff:a.b.c.d` for
 * IPv4-mapped addresses).
 *
 * @throws RangeError when `value` is negative or too large for the family — a
 *   programming error, not bad user input.
 * @public
 */
export function formatIp(family: IpFamily, value: bigint): string {
  if (value < 0n || value > maxIpValue(family)) {
    throw new RangeError(
      `${value} is not an ${ipFamilyLabel(family)} address value`,
    );
  }
  return family === 'ipv4' ? formatIpv4Text(value) : formatIpv6Text(value);
}
