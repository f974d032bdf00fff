import type { PermissionRule } from '@backstage/plugin-permission-node';
import type { PermissionRuleset } from '@backstage/plugin-permission-node';
import type { InventoryCluster, Reservation } from '../model';
import { aksClusterPermissionRules } from './clusterPermissionRules';
import { aksReservationPermissionRules } from './reservationPermissionRules';

function rulesetOf<TResource>(
  rules: Record<string, PermissionRule<TResource, any, string, any>>,
): PermissionRuleset<TResource> {
  return {
    getRuleByName(name) {
      const rule = Object.values(rules).find(r => r.name === name);
      if (!rule) {
        throw new Error(`Unknown permission rule ${name}`);
      }
      return rule;
    },
  };
}

/**
 * The plugin's own rules as rulesets, for a router built outside a backend (tests);
 * the plugin itself takes them from the permissions registry, which also holds the
 * rules adopters' modules add.
 */
export function aksNetworkPermissionRulesets(): {
  reservation: PermissionRuleset<Reservation>;
  cluster: PermissionRuleset<InventoryCluster>;
} {
  return {
    reservation: rulesetOf(aksReservationPermissionRules),
    cluster: rulesetOf(aksClusterPermissionRules),
  };
}
