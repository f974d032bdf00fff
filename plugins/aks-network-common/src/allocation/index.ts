/**
 * Carving subnets out of an address pool: the lowest free aligned block.
 */

export type { SubnetAllocationRequest } from './nextFreeSubnet';
export { nextFreeSubnet } from './nextFreeSubnet';
export { SubnetAllocator } from './SubnetAllocator';
export type { PoolSubnetCount } from './countFreeSubnets';
export { countFreeSubnets } from './countFreeSubnets';
