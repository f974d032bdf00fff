import type { ApiAddressPoolWithCapacity } from '@aks-network/plugin-aks-network-common';
import { formatCount } from '../components/network/labels';
import type { StatusSeverity } from './StatusText';

/**
 * What a pool still holds, in words, and whether a cluster can be planned in it. A pool
 * with no free node subnet cannot give one, so it is not offered. A pool whose VNet
 * could not be read has counts the backend would not guess: it stays selectable, and
 * the plan tells what it would give once the VNet reads again.
 */
export function poolCapacityText(pool: ApiAddressPoolWithCapacity): {
  selectable: boolean;
  severity: StatusSeverity;
  text: string;
} {
  const { capacity } = pool;
  if (!capacity) {
    return {
      selectable: true,
      severity: 'warning',
      text: 'Capacity unknown: the backend did not count the free subnets',
    };
  }
  if ('error' in capacity) {
    return {
      selectable: true,
      severity: 'warning',
      text: `Capacity unknown: the VNet ${pool.vnetName} could not be read (${capacity.error})`,
    };
  }
  const size = `/${pool.subnetPrefix}s`;
  if (capacity.freeSubnets <= 0) {
    return {
      selectable: false,
      severity: 'error',
      text: `Full: none of ${formatCount(capacity.totalSubnets)} ${size} free`,
    };
  }
  return {
    selectable: true,
    severity: 'ok',
    text: `${formatCount(capacity.freeSubnets)} of ${formatCount(
      capacity.totalSubnets,
    )} ${size} free`,
  };
}

/** Whether a pool is of a region; Azure compares region names without case. */
export function isPoolOfRegion(
  pool: ApiAddressPoolWithCapacity,
  region: string,
): boolean {
  return pool.region.toLowerCase() === region.toLowerCase();
}
