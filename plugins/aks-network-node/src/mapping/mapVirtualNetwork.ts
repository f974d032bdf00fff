import type { VirtualNetwork } from '@azure/arm-network';
import { ClusterVnetRecord } from '@aks-network/plugin-aks-network-common';

function prefixes(values: Array<string | undefined> | undefined): string[] {
  return (values ?? [])
    .map(v => v?.trim())
    .filter((v): v is string => v !== undefined && v !== '');
}

/**
 * The VNet's id and address space.
 */
export function mapVirtualNetwork(vnet: VirtualNetwork): ClusterVnetRecord {
  return {
    id: vnet.id ?? '',
    addressSpace: prefixes(vnet.addressSpace?.addressPrefixes),
  };
}

/**
 * The address ranges reachable through the VNet's peerings, which a pod CIDR must not
 * overlap (docs/domain.md#pod-cidr-no-overlap: "must not overlap the node subnet, the VNet, peered/on-prem
 * ranges"). Per peering, ARM gives `remoteAddressSpace` (what is peered: a subset of
 * the remote VNet with subnet-level peering) and `remoteVirtualNetworkAddressSpace`
 * (the remote VNet's current space, which differs from the former until the peering
 * is synced). Both are kept: either may carry traffic after the next sync. Peerings
 * that are not `Connected` are kept too, because they carry traffic again as soon as
 * they reconnect, and a pod CIDR cannot be moved then.
 */
export function peeredRangesOf(vnet: VirtualNetwork): string[] {
  const ranges = (vnet.virtualNetworkPeerings ?? []).flatMap(peering => [
    ...prefixes(peering.remoteAddressSpace?.addressPrefixes),
    ...prefixes(peering.remoteVirtualNetworkAddressSpace?.addressPrefixes),
  ]);
  return [...new Set(ranges)];
}
