/** Outcome of reading one textual address of a known family. */
export type AddressTextResult =
  | { ok: true; value: bigint }
  | { ok: false; reason: string };

const DECIMAL = /^[0-9]+$/;

/**
 * Reads dotted-quad IPv4 text (`10.240.0.0`). Strict on purpose: exactly four
 * decimal octets, no leading zeros, because `010` means 8 to inet_aton and 10 to
 * most people, and a CIDR that two tools read differently is a routing incident.
 */
export function parseIpv4Text(text: string): AddressTextResult {
  if (text === '') {
    return { ok: false, reason: 'empty IPv4 address' };
  }
  const parts = text.split('.');
  if (parts.length !== 4) {
    return {
      ok: false,
      reason: `IPv4 address needs 4 dot-separated octets, got ${parts.length}`,
    };
  }
  let value = 0n;
  for (const part of parts) {
    if (part === '') {
      return { ok: false, reason: 'empty octet in IPv4 address' };
    }
    if (!DECIMAL.test(part)) {
      return { ok: false, reason: `octet '${part}' is not a decimal number` };
    }
    if (part.length > 1 && part.startsWith('0')) {
      return {
        ok: false,
        reason: `octet '${part}' has a leading zero (ambiguous: some tools read it as octal)`,
      };
    }
    const octet = Number(part);
    if (octet > 255) {
      return { ok: false, reason: `octet ${part} is out of range 0–255` };
    }
    value = (value << 8n) | BigInt(octet);
  }
  return { ok: true, value };
}

/** Dotted-quad text of a 32-bit value (the caller checks the range). */
export function formatIpv4Text(value: bigint): string {
  const n = Number(value);
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${
    n & 255
  }`;
}
