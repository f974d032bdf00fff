import { Cidr, parseCidrOrThrow } from '../cidr';
import { AKS_RESERVED_RANGES, POD_CIDR_PRIVATE_RANGES } from '../facts';

let reserved: Cidr[] | undefined;
let privateRanges: Array<{ cidr: Cidr; rfc: string }> | undefined;

/** The AKS reserved ranges of `src/facts`, parsed once. */
export function reservedRanges(): readonly Cidr[] {
  reserved ??= AKS_RESERVED_RANGES.map(parseCidrOrThrow);
  return reserved;
}

/** The RFC 1918 / RFC 6598 ranges of `src/facts`, parsed once. */
export function podCidrPrivateRanges(): ReadonlyArray<{
  cidr: Cidr;
  rfc: string;
}> {
  privateRanges ??= POD_CIDR_PRIVATE_RANGES.map(range => ({
    cidr: parseCidrOrThrow(range.cidr),
    rfc: range.rfc,
  }));
  return privateRanges;
}
