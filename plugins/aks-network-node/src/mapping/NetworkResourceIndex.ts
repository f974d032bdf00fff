import type {
  FlowLog,
  NetworkSecurityGroup,
  Subnet,
  VirtualNetwork,
  VirtualNetworkUsage,
} from '@azure/arm-network';
import { armIdKey } from './armResourceId';

/**
 * The network resources read for a set of clusters, indexed by ARM id so the mapping
 * can join them to clusters. Keys are case-insensitive (ARM ids are): a pool's
 * `vnetSubnetID` is stored as the user typed it, the VNet GET returns ARM's casing.
 *
 * The inventory reader fills one index per pass (a sync run's `SharedReads`, or one
 * subscription's read), from one VNet GET and one usages call per VNet (a GET per
 * subnet where the VNet's failed), one GET per NSG and one flow-log listing per
 * region; tests fill it from fixtures.
 *
 * @public
 */
export class NetworkResourceIndex {
  private readonly vnets = new Map<string, VirtualNetwork>();
  private readonly subnets = new Map<string, Subnet>();
  private readonly usages = new Map<string, VirtualNetworkUsage>();
  private readonly nsgs = new Map<string, NetworkSecurityGroup>();
  private readonly flowLogsByTarget = new Map<string, FlowLog[]>();

  /** Adds a VNet and the subnets its GET returns inline. */
  addVirtualNetwork(vnet: VirtualNetwork): this {
    if (vnet.id) {
      this.vnets.set(armIdKey(vnet.id), vnet);
    }
    for (const subnet of vnet.subnets ?? []) {
      if (subnet.id) {
        this.subnets.set(armIdKey(subnet.id), subnet);
      }
    }
    return this;
  }

  /** Adds a subnet read on its own (`subnets.get`), when its VNet's GET failed. */
  addSubnet(subnet: Subnet): this {
    if (subnet.id) {
      this.subnets.set(armIdKey(subnet.id), subnet);
    }
    return this;
  }

  /**
   * Adds the result of `virtualNetworks.listUsage`: one entry per subnet, whose `id` is
   * the subnet's id, `currentValue` the IPs in use and `limit` the usable IPs.
   */
  addUsages(usages: Iterable<VirtualNetworkUsage>): this {
    for (const usage of usages) {
      if (usage.id) {
        this.usages.set(armIdKey(usage.id), usage);
      }
    }
    return this;
  }

  addNetworkSecurityGroup(nsg: NetworkSecurityGroup): this {
    if (nsg.id) {
      this.nsgs.set(armIdKey(nsg.id), nsg);
    }
    return this;
  }

  /** Adds flow logs from a Network Watcher listing, indexed by their target. */
  addFlowLogs(flowLogs: Iterable<FlowLog>): this {
    for (const flowLog of flowLogs) {
      if (!flowLog.targetResourceId) {
        continue;
      }
      const key = armIdKey(flowLog.targetResourceId);
      const list = this.flowLogsByTarget.get(key) ?? [];
      if (!list.some(known => known.id === flowLog.id)) {
        list.push(flowLog);
      }
      this.flowLogsByTarget.set(key, list);
    }
    return this;
  }

  virtualNetwork(id: string): VirtualNetwork | undefined {
    return this.vnets.get(armIdKey(id));
  }

  subnet(id: string): Subnet | undefined {
    return this.subnets.get(armIdKey(id));
  }

  subnetUsage(subnetId: string): VirtualNetworkUsage | undefined {
    return this.usages.get(armIdKey(subnetId));
  }

  networkSecurityGroup(id: string): NetworkSecurityGroup | undefined {
    return this.nsgs.get(armIdKey(id));
  }

  /** Flow logs whose target is one of the given resources (VNet, subnet, NSG). */
  flowLogsTargeting(ids: Iterable<string>): FlowLog[] {
    const found: FlowLog[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      for (const flowLog of this.flowLogsByTarget.get(armIdKey(id)) ?? []) {
        const key = flowLog.id ? armIdKey(flowLog.id) : '';
        if (!seen.has(key)) {
          seen.add(key);
          found.push(flowLog);
        }
      }
    }
    return found;
  }
}
