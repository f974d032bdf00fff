export {
  EntityAksNetworkCard,
  isAksNetworkAvailable,
} from './EntityAksNetworkCard';
