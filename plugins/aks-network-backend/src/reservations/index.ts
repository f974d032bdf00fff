export {
  readConfiguredAddressPools,
  readReservationMaxTtlSeconds,
  readReservationTtlSeconds,
  seedAddressPools,
} from './reservationSettings';
export { ArmVnetSubnetSource } from './VnetSubnetSource';
export type { VnetSubnetSource } from './VnetSubnetSource';
