import {
  AKS_RESERVATION_RESOURCE_TYPE,
  aksAddressPoolManagePermission,
  aksClusterCreatePermission,
  aksClusterReadPermission,
  aksClusterRefreshPermission,
  aksReservationUpdatePermission,
} from '@aks-network/plugin-aks-network-common';
import {
  aksReservationConditions,
  createAksReservationConditionalDecision,
} from '@aks-network/plugin-aks-network-backend';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import type { AksNetworkPolicyConfig } from './policyConfig';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * The app's permission policy. For the AKS network plugin: every signed-in user reads
 * the inventory, plans and refreshes a cluster; cluster creators (config; by default
 * any member of a group) create clusters and commit or release their own
 * reservations; the platform groups manage address pools, run full syncs and act on
 * any reservation. Every other plugin's permission is allowed, as Backstage's
 * allow-all policy did before: this app guards only what this plugin owns.
 */
export class AksNetworkPermissionPolicy implements PermissionPolicy {
  private readonly platformGroups: Set<string>;
  private readonly clusterCreators?: Set<string>;

  constructor(config: AksNetworkPolicyConfig) {
    this.platformGroups = new Set(config.platformGroups);
    this.clusterCreators = config.clusterCreators
      ? new Set(config.clusterCreators)
      : undefined;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const claims = (user?.info.ownershipEntityRefs ?? []).map(ref =>
      ref.toLocaleLowerCase('en-US'),
    );
    const inPlatform = claims.some(ref => this.platformGroups.has(ref));
    const { permission } = request;
    switch (permission.name) {
      case aksClusterReadPermission.name:
      case aksClusterRefreshPermission.name:
        return user ? ALLOW : DENY;
      case aksClusterCreatePermission.name:
        return inPlatform || this.mayCreate(claims) ? ALLOW : DENY;
      case aksAddressPoolManagePermission.name:
        return inPlatform ? ALLOW : DENY;
      case aksReservationUpdatePermission.name:
        if (inPlatform) {
          return ALLOW;
        }
        if (
          !this.mayCreate(claims) ||
          !isResourcePermission(permission, AKS_RESERVATION_RESOURCE_TYPE)
        ) {
          return DENY;
        }
        return createAksReservationConditionalDecision(
          permission,
          aksReservationConditions.isReservationOwner({
            claims: user?.info.ownershipEntityRefs ?? [],
          }),
        );
      default:
        return ALLOW;
    }
  }

  private mayCreate(claims: string[]): boolean {
    if (this.clusterCreators) {
      return claims.some(ref => this.clusterCreators!.has(ref));
    }
    return claims.some(ref => ref.startsWith('group:'));
  }
}
