import { nsgId, subnetId } from '../resources/networkResources';
import { SimulatorFleet } from './SimulatorFleet';

/**
 * Turns the short names a fleet entry uses for other entries (a subscription's `name`,
 * an NSG's name, `vnet/subnet`) into ARM ids; an id is taken as it is.
 */
export interface FleetReferences {
  /** The GUID of a subscription named by GUID or `name`; `what` names the entry in the error. */
  subscription(ref: string, what: string): string;
  /** The id of an NSG of the fleet in subscription `s`, named by name or id. */
  nsg(s: string, ref: string): string;
  /** The id of a subnet of the fleet in subscription `s`, named `vnet/subnet` or by id. */
  subnet(s: string, ref: string, what: string): string;
}

/** The references of a fleet whose subscriptions are `subscriptionIds` (lower-cased GUID or name → GUID). */
export function fleetReferences(
  fleet: SimulatorFleet,
  subscriptionIds: ReadonlyMap<string, string>,
): FleetReferences {
  const subscription = (ref: string, what: string): string => {
    const id = subscriptionIds.get(ref.toLowerCase());
    if (!id) {
      throw new Error(`Fleet: ${what} names unknown subscription '${ref}'`);
    }
    return id;
  };
  const nsg = (s: string, ref: string): string => {
    if (ref.startsWith('/')) {
      return ref;
    }
    const found = (fleet.networkSecurityGroups ?? []).find(
      n =>
        subscription(n.subscription, n.name) === s &&
        n.name.toLowerCase() === ref.toLowerCase(),
    );
    if (!found) {
      throw new Error(`Fleet: unknown NSG '${ref}'`);
    }
    return nsgId(s, found.resourceGroup, found.name);
  };
  const subnet = (s: string, ref: string, what: string): string => {
    if (ref.startsWith('/')) {
      return ref;
    }
    const [vnetName, subnetName] = ref.split('/');
    const vnet = (fleet.virtualNetworks ?? []).find(
      v =>
        subscription(v.subscription, v.name) === s &&
        v.name.toLowerCase() === vnetName.toLowerCase(),
    );
    if (!vnet || !subnetName) {
      throw new Error(
        `Fleet: ${what} names unknown subnet '${ref}' (expected vnet/subnet)`,
      );
    }
    return subnetId(s, vnet.resourceGroup, vnet.name, subnetName);
  };
  return { subscription, nsg, subnet };
}
