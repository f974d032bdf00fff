/**
 * Ranges AKS keeps for itself. Pod, service and VNet ranges must not touch them
 * (docs/domain.md#reserved-ranges: "Pod, service and VNet ranges must not touch 169.254.0.0/16, 172.30.0.0/16,
 * 172.31.0.0/16, 192.0.2.0/24").
 *
 * Kept as text so the facts stay plain data; parse them with `parseCidr` where used.
 *
 * @public
 */
export const AKS_RESERVED_RANGES: readonly string[] = [
  '169.254.0.0/16',
  '172.30.0.0/16',
  '172.31.0.0/16',
  '192.0.2.0/24',
];

/**
 * Private IPv4 space a pod CIDR may come from (docs/domain.md#pod-cidr-private: "Pod CIDR: RFC 1918 or RFC 6598
 * space"). RFC 1918 is 10/8, 172.16/12 and 192.168/16; RFC 6598 is the shared address
 * space 100.64/10 (the range the in-place migration commonly uses).
 *
 * @public
 */
export const POD_CIDR_PRIVATE_RANGES: readonly {
  readonly cidr: string;
  readonly rfc: 'RFC 1918' | 'RFC 6598';
}[] = [
  { cidr: '10.0.0.0/8', rfc: 'RFC 1918' },
  { cidr: '172.16.0.0/12', rfc: 'RFC 1918' },
  { cidr: '192.168.0.0/16', rfc: 'RFC 1918' },
  { cidr: '100.64.0.0/10', rfc: 'RFC 6598' },
];
