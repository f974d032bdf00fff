import { cloneJson, JsonObject } from '../json/JsonValue';
import { idKey } from './armIds';

/** A resource in its ARM REST shape. @public */
export interface ArmResourceJson extends JsonObject {
  id: string;
  name: string;
  type: string;
}

/** A subscription the credential can see. @public */
export interface SimulatedSubscription {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  tags?: Record<string, string>;
}

/**
 * Everything the simulator holds: subscriptions, resource groups and resources, each
 * keyed by its lower-cased id (ARM ids are case-insensitive), in insertion order so
 * lists and pages are stable.
 */
export class SimulatorState {
  private readonly subscriptionMap = new Map<string, SimulatedSubscription>();
  private readonly resourceGroupMap = new Map<string, ArmResourceJson>();
  private readonly resourceMap = new Map<string, ArmResourceJson>();
  /**
   * The same resources by lower-cased type, in the same order: `list` of one type then
   * scans only that type (a fleet of 5,000 clusters holds many more subnets, pools and
   * NICs, and the usages and list answers walk the clusters on every page).
   */
  private readonly byType = new Map<string, Map<string, ArmResourceJson>>();
  /**
   * IPs used in a subnet by things other than AKS nodes and pods (load balancers,
   * private endpoints, VMs), from the seed fleet. Node and pod IPs are counted from
   * the clusters that reference the subnet.
   */
  private readonly otherUsedIps = new Map<string, number>();

  addSubscription(subscription: SimulatedSubscription): void {
    this.subscriptionMap.set(
      subscription.subscriptionId.toLowerCase(),
      subscription,
    );
  }

  subscription(subscriptionId: string): SimulatedSubscription | undefined {
    return this.subscriptionMap.get(subscriptionId.toLowerCase());
  }

  subscriptions(): SimulatedSubscription[] {
    return [...this.subscriptionMap.values()];
  }

  putResourceGroup(group: ArmResourceJson): void {
    this.resourceGroupMap.set(idKey(group.id), group);
  }

  resourceGroup(id: string): ArmResourceJson | undefined {
    return this.resourceGroupMap.get(idKey(id));
  }

  resourceGroups(subscriptionId: string): ArmResourceJson[] {
    const prefix = `/subscriptions/${subscriptionId.toLowerCase()}/`;
    return [...this.resourceGroupMap.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .map(([, group]) => group);
  }

  /** The stored resource (not a copy: handlers mutate it in place). */
  get(id: string): ArmResourceJson | undefined {
    return this.resourceMap.get(idKey(id));
  }

  put(resource: ArmResourceJson): void {
    const key = idKey(resource.id);
    const known = this.resourceMap.get(key);
    if (known && known.type.toLowerCase() !== resource.type.toLowerCase()) {
      this.typeMap(known.type).delete(key);
    }
    this.resourceMap.set(key, resource);
    this.typeMap(resource.type).set(key, resource);
  }

  delete(id: string): boolean {
    const key = idKey(id);
    const known = this.resourceMap.get(key);
    if (!known) {
      return false;
    }
    this.typeMap(known.type).delete(key);
    return this.resourceMap.delete(key);
  }

  private typeMap(type: string): Map<string, ArmResourceJson> {
    const wanted = type.toLowerCase();
    let map = this.byType.get(wanted);
    if (!map) {
      map = new Map();
      this.byType.set(wanted, map);
    }
    return map;
  }

  /** Deletes every resource under a scope (e.g. a node resource group), and the group. */
  deleteScope(scopeId: string): void {
    const prefix = `${idKey(scopeId)}/`;
    for (const key of [...this.resourceMap.keys()]) {
      if (key.startsWith(prefix)) {
        this.delete(key);
      }
    }
    this.resourceGroupMap.delete(idKey(scopeId));
  }

  /**
   * Resources of a type (case-insensitive, e.g. `Microsoft.Network/virtualNetworks`)
   * whose id starts with the scope (a subscription, resource group or parent id).
   */
  list(type: string, scopeId: string): ArmResourceJson[] {
    const prefix = `${idKey(scopeId)}/`;
    const ofType = this.byType.get(type.toLowerCase());
    const found: ArmResourceJson[] = [];
    for (const [key, resource] of ofType ?? []) {
      if (key.startsWith(prefix)) {
        found.push(resource);
      }
    }
    return found;
  }

  setOtherUsedIps(subnetId: string, count: number): void {
    this.otherUsedIps.set(idKey(subnetId), count);
  }

  otherUsedIpsOf(subnetId: string): number {
    return this.otherUsedIps.get(idKey(subnetId)) ?? 0;
  }

  /** A deep copy for assertions and snapshots. */
  snapshot(): {
    subscriptions: SimulatedSubscription[];
    resourceGroups: ArmResourceJson[];
    resources: ArmResourceJson[];
  } {
    return {
      subscriptions: this.subscriptions().map(s => ({ ...s })),
      resourceGroups: [...this.resourceGroupMap.values()].map(cloneJson),
      resources: [...this.resourceMap.values()].map(cloneJson),
    };
  }
}
