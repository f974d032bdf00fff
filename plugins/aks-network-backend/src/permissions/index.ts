export * from './resourceRefs';
export * from './reservationPermissionRules';
export * from './clusterPermissionRules';
export * from './conditions';
export { registerAksNetworkPermissions } from './registerPermissions';
