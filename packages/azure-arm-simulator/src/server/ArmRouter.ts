import { clusterUserCredentialRoutes } from '../resources/ClusterUserCredentials';
import { managedClusterRoutes } from '../resources/ManagedClusters';
import { networkSecurityGroupRoutes } from '../resources/NetworkSecurityGroups';
import { networkWatcherRoutes } from '../resources/NetworkWatchers';
import { operationRoutes } from '../resources/Operations';
import { resourceGroupRoutes } from '../resources/ResourceGroups';
import { subnetRoutes } from '../resources/Subnets';
import { subscriptionRoutes } from '../resources/Subscriptions';
import { virtualNetworkRoutes } from '../resources/VirtualNetworks';
import { resourceGraphRoutes } from '../resourceGraph/resourceGraphRoutes';
import { ArmRoute } from './ArmRoute';

/** Every ARM operation the simulator serves. */
export const ARM_ROUTES: readonly ArmRoute[] = [
  ...subscriptionRoutes,
  ...resourceGroupRoutes,
  ...managedClusterRoutes,
  ...clusterUserCredentialRoutes,
  ...virtualNetworkRoutes,
  ...subnetRoutes,
  ...networkSecurityGroupRoutes,
  ...networkWatcherRoutes,
  ...operationRoutes,
  ...resourceGraphRoutes,
];

/** The outcome of matching a path: a route with its decoded parameters, or why not. */
export type RouteMatch =
  | { kind: 'matched'; route: ArmRoute; params: string[] }
  | { kind: 'methodNotAllowed'; allowed: string[] }
  | { kind: 'notFound' };

export function matchRoute(method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const candidate of ARM_ROUTES) {
    const match = candidate.pattern.exec(path);
    if (!match) {
      continue;
    }
    if (candidate.method !== method) {
      allowed.push(candidate.method);
      continue;
    }
    return {
      kind: 'matched',
      route: candidate,
      params: match.slice(1).map(part => decodeURIComponent(part)),
    };
  }
  return allowed.length > 0
    ? { kind: 'methodNotAllowed', allowed }
    : { kind: 'notFound' };
}
