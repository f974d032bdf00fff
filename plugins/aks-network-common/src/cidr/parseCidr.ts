import { Cidr } from './cidr';
import { blockSize, ipFamilyBits, ipFamilyLabel } from './ipFamily';
import { formatIp, parseIp } from './ipAddress';

/**
 * Result of {@link parseCidr}: the range, or a reason that says what is wrong
 * and, where it can, what was probably meant.
 *
 * @public
 */
export type CidrParseResult =
  | { ok: true; cidr: Cidr }
  | { ok: false; reason: string };

const DECIMAL = /^[0-9]+$/;

/**
 * Reads `address/prefix` for IPv4 (`10.240.0.0/16`) or IPv6 (`fd00::/8`).
 *
 * Strict, and never throws:
 * - the prefix is required (a lone address is not a range),
 * - host bits must be zero (`10.0.0.1/24` is refused with a suggestion of
 *   `10.0.0.0/24`): Azure refuses such subnet prefixes too, and silently
 *   rounding would hide a typo in a range that must not overlap others,
 * - whitespace is rejected, not trimmed (see {@link parseIp}).
 *
 * @public
 */
export function parseCidr(text: string): CidrParseResult {
  if (typeof text !== 'string') {
    return { ok: false, reason: 'expected the CIDR as a string' };
  }
  if (text === '') {
    return {
      ok: false,
      reason: 'empty CIDR (expected address/prefix, e.g. 10.240.0.0/16)',
    };
  }
  if (/\s/.test(text)) {
    return {
      ok: false,
      reason: 'whitespace is not allowed in a CIDR (trim the input)',
    };
  }
  const slash = text.indexOf('/');
  if (slash === -1) {
    // Say what is wrong with the address first: for 'garbage', a missing prefix
    // is not the news.
    const lone = parseIp(text);
    if (!lone.ok) {
      return lone;
    }
    return {
      ok: false,
      reason: `missing prefix length: expected address/prefix, e.g. ${
        text.includes(':') ? 'fd00::/64' : '10.240.0.0/16'
      }`,
    };
  }
  if (text.indexOf('/', slash + 1) !== -1) {
    return { ok: false, reason: "more than one '/' in CIDR" };
  }

  const address = parseIp(text.slice(0, slash));
  if (!address.ok) {
    return address;
  }
  const { family, value } = address;
  const bits = ipFamilyBits(family);

  const prefixText = text.slice(slash + 1);
  if (prefixText === '') {
    return { ok: false, reason: "missing prefix length after '/'" };
  }
  if (!DECIMAL.test(prefixText)) {
    return {
      ok: false,
      reason: `prefix '${prefixText}' is not a decimal number`,
    };
  }
  if (prefixText.length > 1 && prefixText.startsWith('0')) {
    return {
      ok: false,
      reason: `prefix '${prefixText}' has a leading zero`,
    };
  }
  const prefix = Number(prefixText);
  if (prefix > bits) {
    return {
      ok: false,
      reason: `prefix ${prefixText} is out of range 0–${bits} for ${ipFamilyLabel(
        family,
      )}`,
    };
  }

  const network = value & ~(blockSize(family, prefix) - 1n);
  if (network !== value) {
    const meant = `${formatIp(family, network)}/${prefix}`;
    return {
      ok: false,
      reason: `host bits are set: ${text} is not a network address (did you mean ${meant}?)`,
    };
  }
  return { ok: true, cidr: { family, network, prefix } };
}

/**
 * {@link parseCidr} for literals the code itself owns (reserved ranges, defaults):
 * a bad literal is a bug, so it throws.
 *
 * @throws TypeError with the parse reason.
 * @public
 */
export function parseCidrOrThrow(text: string): Cidr {
  const result = parseCidr(text);
  if (!result.ok) {
    throw new TypeError(`Invalid CIDR '${text}': ${result.reason}`);
  }
  return result.cidr;
}

/**
 * Canonical text of a range: `10.240.0.0/16`, `fd00::/8` (RFC 5952 for IPv6), so
 * equal ranges always print the same and parse back to the same value.
 *
 * @public
 */
export function formatCidr(cidr: Cidr): string {
  return `${formatIp(cidr.family, cidr.network)}/${cidr.prefix}`;
}
