export * from './PostureFinding';
export { ADDRESS_EXHAUSTION_WARN_RATIO } from './AddressExhaustionCheck';
export * from './assessClusterPosture';
