import { AddressTextResult, formatIpv4Text, parseIpv4Text } from './ipv4Text';

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const IPV6_CHARS = /^[0-9a-fA-F:.]*$/;

/** The ::ffff:0:0/96 prefix of IPv4-mapped addresses (RFC 4291 §2.5.5.2), as value >> 32. */
const IPV4_MAPPED_HIGH_BITS = 0xffffn;

/**
 * Reads IPv6 text in any RFC 4291 §2.2 form: eight groups, one `::` standing for
 * one or more zero groups, and an optional dotted IPv4 tail (`::ffff:10.0.0.1`).
 * Zone indexes (`fe80::1%eth0`) are rejected: they name an interface, not an
 * address, and have no meaning in a subnet or pod CIDR.
 */
export function parseIpv6Text(text: string): AddressTextResult {
  if (text === '') {
    return { ok: false, reason: 'empty IPv6 address' };
  }
  if (text.includes('%')) {
    return {
      ok: false,
      reason: 'zone index (%…) is not allowed in an IPv6 address range',
    };
  }
  if (!IPV6_CHARS.test(text)) {
    const bad = [...text].find(ch => !IPV6_CHARS.test(ch));
    return {
      ok: false,
      reason: `unexpected character '${bad}' in IPv6 address (groups are hex digits 0-9, a-f)`,
    };
  }
  if (text.includes(':::')) {
    return { ok: false, reason: "':::' is not valid in an IPv6 address" };
  }
  const compressAt = text.indexOf('::');
  if (compressAt !== -1 && text.indexOf('::', compressAt + 1) !== -1) {
    return {
      ok: false,
      reason: "'::' may appear only once in an IPv6 address",
    };
  }

  const compressed = compressAt !== -1;
  const headText = compressed ? text.slice(0, compressAt) : text;
  const tailText = compressed ? text.slice(compressAt + 2) : '';
  const head = headText === '' ? [] : headText.split(':');
  const tail = tailText === '' ? [] : tailText.split(':');

  // An embedded IPv4 address may only be the last part of the text.
  const finalSection = compressed ? 1 : 0;
  const groups: number[][] = [[], []];
  const sections = [head, tail];
  for (let s = 0; s < sections.length; s++) {
    for (let i = 0; i < sections[s].length; i++) {
      const part = sections[s][i];
      if (part === '') {
        return {
          ok: false,
          reason:
            "empty group in IPv6 address (a single ':' at the start or end, or a misplaced '::')",
        };
      }
      if (part.includes('.')) {
        if (s !== finalSection || i !== sections[s].length - 1) {
          return {
            ok: false,
            reason:
              'an embedded IPv4 address may only be the last part of an IPv6 address',
          };
        }
        const v4 = parseIpv4Text(part);
        if (!v4.ok) {
          return { ok: false, reason: `embedded ${v4.reason}` };
        }
        const n = Number(v4.value);
        groups[s].push(Math.floor(n / 0x10000), n % 0x10000);
        continue;
      }
      if (!HEX_GROUP.test(part)) {
        return {
          ok: false,
          reason: `group '${part}' has more than 4 hex digits`,
        };
      }
      groups[s].push(parseInt(part, 16));
    }
  }

  const [headGroups, tailGroups] = groups;
  const given = headGroups.length + tailGroups.length;
  if (!compressed && given !== 8) {
    return {
      ok: false,
      reason: `IPv6 address needs 8 groups, got ${given}${
        given > 8 ? ' (too many groups)' : " (use '::' to compress zeros)"
      }`,
    };
  }
  if (compressed && given > 7) {
    return {
      ok: false,
      reason: `too many groups in IPv6 address: ${given} groups plus '::' is more than 8`,
    };
  }
  const zeros = 8 - given;
  let value = 0n;
  for (const group of [
    ...headGroups,
    ...new Array<number>(zeros).fill(0),
    ...tailGroups,
  ]) {
    value = (value << 16n) | BigInt(group);
  }
  return { ok: true, value };
}

/**
 * RFC 5952 text of a 128-bit value: lowercase hex, no leading zeros, the longest
 * run of two or more zero groups (the first, on a tie) compressed to `::`, and
 * IPv4-mapped addresses written with a dotted tail as §5 recommends.
 */
export function formatIpv6Text(value: bigint): string {
  if (value >> 32n === IPV4_MAPPED_HIGH_BITS) {
    return `::ffff:${formatIpv4Text(value & 0xffffffffn)}`;
  }
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) {
    groups.push(Number((value >> shift) & 0xffffn));
  }
  let bestStart = -1;
  let bestLength = 1; // a single zero group is never compressed (RFC 5952 §4.2.2)
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map(g => g.toString(16));
  if (bestStart === -1) {
    return hex.join(':');
  }
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLength).join(':');
  return `${left}::${right}`;
}
