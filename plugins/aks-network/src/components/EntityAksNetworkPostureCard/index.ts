export { EntityAksNetworkPostureCard } from './EntityAksNetworkPostureCard';
export type { EntityAksNetworkPostureCardProps } from './EntityAksNetworkPostureCard';
