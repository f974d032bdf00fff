export { EntityAksClusterCard } from './EntityAksClusterCard';
export type { EntityAksClusterCardProps } from './EntityAksClusterCard';
