import type { Subnet, VirtualNetworkUsage } from '@azure/arm-network';
import {
  NodeSubnetRecord,
  NsgRecord,
} from '@aks-network/plugin-aks-network-common';

/**
 * The subnet's IPv4 prefix. ARM returns `addressPrefix` for a single-prefix subnet
 * and `addressPrefixes` for a multi-prefix or dual-stack one; the record keeps the
 * IPv4 prefix (an IPv6 CIDR always contains `:`).
 */
function ipv4Prefix(subnet: Subnet): string | undefined {
  const candidates = [subnet.addressPrefix, ...(subnet.addressPrefixes ?? [])]
    .map(p => p?.trim())
    .filter((p): p is string => p !== undefined && p !== '');
  return candidates.find(p => !p.includes(':')) ?? candidates[0];
}

/**
 * Maps a node subnet from the VNet GET (which returns subnets inline), its entry of
 * the VNet usages API and its NSG. Returns undefined when the subnet has no address
 * prefix, which a provisioned subnet always has.
 *
 * IP use comes only from the usages API (docs/domain.md#subnet-usage: "IP use per subnet comes from the
 * VNet usages API"): `currentValue` is the IPs taken, `limit` the usable IPs with
 * Azure's 5 reserved IPs already taken off (a /27 gives 27). Both are left out when
 * the usages call failed, rather than guessed from the prefix.
 */
export function mapNodeSubnet(
  subnet: Subnet,
  usage: VirtualNetworkUsage | undefined,
  nsg: NsgRecord | undefined,
): NodeSubnetRecord | undefined {
  const addressPrefix = ipv4Prefix(subnet);
  if (!subnet.id || !addressPrefix) {
    return undefined;
  }
  const record: NodeSubnetRecord = {
    id: subnet.id,
    name: subnet.name ?? subnet.id.split('/').pop() ?? '',
    addressPrefix,
  };
  if (usage?.currentValue !== undefined) {
    record.ipUsed = usage.currentValue;
  }
  if (usage?.limit !== undefined) {
    record.ipLimit = usage.limit;
  }
  if (nsg) {
    record.nsg = nsg;
  }
  return record;
}
