/**
 * The simulator's own IPv4 and IPv6 address and CIDR math, on unsigned `bigint`s. It
 * is written apart from the plugin's on purpose: the simulator is a test double of
 * Azure, so a bug in the plugin's CIDR code must not be mirrored here.
 */

/** @public */
export type IpFamily = 'ipv4' | 'ipv6';

/** A range in CIDR notation: the network address (host bits zero) and the prefix. @public */
export interface Cidr {
  readonly family: IpFamily;
  readonly network: bigint;
  readonly prefix: number;
}

/** @public */
export type IpParseResult =
  | { ok: true; family: IpFamily; value: bigint }
  | { ok: false; reason: string };

/** @public */
export type CidrParseResult =
  | { ok: true; cidr: Cidr }
  | { ok: false; reason: string };

const BITS: Record<IpFamily, number> = { ipv4: 32, ipv6: 128 };

function blockSize(family: IpFamily, prefix: number): bigint {
  return 1n << BigInt(BITS[family] - prefix);
}

function parseIpv4(text: string): IpParseResult {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return { ok: false, reason: `'${text}' is not a dotted-quad IPv4 address` };
  }
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) {
      return {
        ok: false,
        reason: `'${part}' in '${text}' is not an octet from 0 to 255`,
      };
    }
    if (part.length > 1 && part.startsWith('0')) {
      return {
        ok: false,
        reason: `octet '${part}' in '${text}' has a leading zero`,
      };
    }
    value = (value << 8n) | BigInt(part);
  }
  return { ok: true, family: 'ipv4', value };
}

function parseGroups(text: string, whole: string): bigint[] | string {
  if (text === '') {
    return [];
  }
  const groups: bigint[] = [];
  const parts = text.split(':');
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4.ok) {
        return v4.reason;
      }
      groups.push(v4.value >> 16n, v4.value & 0xffffn);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      groups.push(BigInt(`0x${part}`));
    } else {
      return `'${part}' in '${whole}' is not a group of 1 to 4 hex digits`;
    }
  }
  return groups;
}

function parseIpv6(text: string): IpParseResult {
  const halves = text.split('::');
  if (halves.length > 2) {
    return { ok: false, reason: `'${text}' has '::' more than once` };
  }
  const head = parseGroups(halves[0], text);
  if (typeof head === 'string') {
    return { ok: false, reason: head };
  }
  const tail = halves.length === 2 ? parseGroups(halves[1], text) : [];
  if (typeof tail === 'string') {
    return { ok: false, reason: tail };
  }
  const count = head.length + tail.length;
  if (halves.length === 2 ? count > 7 : count !== 8) {
    return { ok: false, reason: `'${text}' does not have 8 groups` };
  }
  const groups = [...head, ...Array<bigint>(8 - count).fill(0n), ...tail];
  return {
    ok: true,
    family: 'ipv6',
    value: groups.reduce((acc, group) => (acc << 16n) | group, 0n),
  };
}

/** Reads an IPv4 (`10.0.0.10`) or IPv6 (`fd00::10`) address; never throws. @public */
export function parseIp(text: string): IpParseResult {
  if (typeof text !== 'string' || text === '') {
    return { ok: false, reason: 'expected an IP address' };
  }
  if (/\s/.test(text)) {
    return { ok: false, reason: `'${text}' has whitespace` };
  }
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** `10.0.0.10`, or an IPv6 address with its longest run of zero groups as `::`. @public */
export function formatIp(family: IpFamily, value: bigint): string {
  if (family === 'ipv4') {
    return [24n, 16n, 8n, 0n].map(shift => (value >> shift) & 0xffn).join('.');
  }
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map(
    shift => (value >> shift) & 0xffffn,
  );
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0n) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0n) {
      j++;
    }
    if (j - i > best.length) {
      best = { start: i, length: j - i };
    }
    i = j;
  }
  const hex = (part: bigint[]) => part.map(g => g.toString(16)).join(':');
  if (best.length < 2) {
    return hex(groups);
  }
  return `${hex(groups.slice(0, best.start))}::${hex(
    groups.slice(best.start + best.length),
  )}`;
}

/**
 * Reads `address/prefix`. Host bits must be zero, as Azure requires of an address
 * prefix (`10.0.0.1/24` is refused, naming `10.0.0.0/24`); never throws.
 *
 * @public
 */
export function parseCidr(text: string): CidrParseResult {
  if (typeof text !== 'string') {
    return { ok: false, reason: 'expected the CIDR as a string' };
  }
  const slash = text.indexOf('/');
  if (slash === -1) {
    return { ok: false, reason: `'${text}' has no prefix length` };
  }
  const address = parseIp(text.slice(0, slash));
  if (!address.ok) {
    return address;
  }
  const prefixText = text.slice(slash + 1);
  const bits = BITS[address.family];
  if (
    !/^\d{1,3}$/.test(prefixText) ||
    (prefixText.length > 1 && prefixText.startsWith('0')) ||
    Number(prefixText) > bits
  ) {
    return {
      ok: false,
      reason: `prefix '${prefixText}' is not a number from 0 to ${bits}`,
    };
  }
  const prefix = Number(prefixText);
  const network = address.value & ~(blockSize(address.family, prefix) - 1n);
  if (network !== address.value) {
    return {
      ok: false,
      reason: `host bits are set: for the prefix length /${prefix} the address prefix should be ${formatIp(
        address.family,
        network,
      )}/${prefix}`,
    };
  }
  return { ok: true, cidr: { family: address.family, network, prefix } };
}

/** {@link parseCidr} for the simulator's own literals: a bad one is a bug. @public */
export function parseCidrOrThrow(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) {
    throw new TypeError(`Invalid CIDR '${text}': ${parsed.reason}`);
  }
  return parsed.cidr;
}

/** `10.240.0.0/16`. @public */
export function formatCidr(cidr: Cidr): string {
  return `${formatIp(cidr.family, cidr.network)}/${cidr.prefix}`;
}

/** Addresses in the range. @public */
export function cidrSize(cidr: Cidr): bigint {
  return blockSize(cidr.family, cidr.prefix);
}

function lastAddress(cidr: Cidr): bigint {
  return cidr.network + cidrSize(cidr) - 1n;
}

/** True when the address is in the range (never across families). @public */
export function containsIp(
  cidr: Cidr,
  family: IpFamily,
  value: bigint,
): boolean {
  return (
    cidr.family === family &&
    value >= cidr.network &&
    value <= lastAddress(cidr)
  );
}

/** True when every address of `inner` is in `outer`. @public */
export function containsCidr(outer: Cidr, inner: Cidr): boolean {
  return (
    outer.prefix <= inner.prefix &&
    containsIp(outer, inner.family, inner.network)
  );
}

/** True when the ranges share an address (aligned blocks nest or are disjoint). @public */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return containsCidr(a, b) || containsCidr(b, a);
}
