export {
  readConfiguredAddressPools,
  readReservationTtlSeconds,
  seedAddressPools,
} from './reservationSettings';
