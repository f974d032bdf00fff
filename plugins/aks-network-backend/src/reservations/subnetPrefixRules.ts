import {
  AZURE_IPV6_SUBNET_PREFIX,
  AZURE_SMALLEST_IPV4_SUBNET_PREFIX,
  Cidr,
  formatCidr,
  parseCidr,
} from '@aks-network/plugin-aks-network-common';
import { InputError } from '@backstage/errors';

/**
 * A pool range or VNet subnet as a CIDR, or an `InputError` naming the field with the
 * parser's reason (e.g. "host bits are set … did you mean 10.0.0.0/24?").
 */
export function readCidrField(field: string, text: unknown): Cidr {
  const parsed = parseCidr(typeof text === 'string' ? text : String(text));
  if (!parsed.ok) {
    throw new InputError(`${field}: ${parsed.reason}`);
  }
  return parsed.cidr;
}

/**
 * Checks that a subnet of `prefix` can be carved from `range` and that Azure accepts
 * it: IPv4 subnets are /29 or larger (`AZURE_SMALLEST_IPV4_SUBNET_PREFIX`), IPv6
 * subnets exactly /64 (`AZURE_IPV6_SUBNET_PREFIX`).
 */
export function assertSubnetPrefix(
  field: string,
  range: Cidr,
  prefix: unknown,
): number {
  if (typeof prefix !== 'number' || !Number.isInteger(prefix)) {
    throw new InputError(`${field}: expected a whole number, got ${prefix}`);
  }
  if (range.family === 'ipv6') {
    if (prefix !== AZURE_IPV6_SUBNET_PREFIX) {
      throw new InputError(
        `${field}: Azure IPv6 subnets are /${AZURE_IPV6_SUBNET_PREFIX}, got /${prefix}`,
      );
    }
  } else if (prefix > AZURE_SMALLEST_IPV4_SUBNET_PREFIX) {
    throw new InputError(
      `${field}: /${prefix} is smaller than the smallest Azure subnet, /${AZURE_SMALLEST_IPV4_SUBNET_PREFIX}`,
    );
  }
  if (prefix < range.prefix) {
    throw new InputError(
      `${field}: a /${prefix} does not fit in the pool range ${formatCidr(
        range,
      )}`,
    );
  }
  return prefix;
}
