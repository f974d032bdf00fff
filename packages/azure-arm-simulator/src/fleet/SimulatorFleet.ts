/**
 * The seed fleet as written in YAML (examples/azure-fleet/fleet.yaml): a readable
 * description that the simulator turns into full ARM resources through the same code
 * that serves PUTs, so the seed passes the validations real requests meet.
 */

/** @public */
export interface FleetSubscription {
  /** Subscription GUID. */
  id: string;
  /** Short name other entries may use instead of the GUID. */
  name?: string;
  displayName: string;
  tags?: Record<string, string>;
}

/** A flow log from Network Watcher (VNet, subnet or NSG target). @public */
export interface FleetFlowLog {
  name?: string;
  enabled?: boolean;
  retentionDays?: number;
  /** Storage account id, or a name (then in the target's resource group). */
  storageAccount?: string;
  /** Log Analytics workspace resource id for traffic analytics. */
  trafficAnalyticsWorkspace?: string;
  /** Traffic analytics interval, 10 or 60 minutes (default 60). */
  trafficAnalyticsIntervalMinutes?: number;
}

/** @public */
export interface FleetSubnet {
  name: string;
  prefix: string;
  /** NSG name in the same subscription, or an NSG id. */
  nsg?: string;
  /** IPs taken by other NICs (load balancers, private endpoints, VMs). */
  otherUsedIps?: number;
  /** A VNet flow log targeting this subnet. */
  flowLog?: FleetFlowLog;
}

/** @public */
export interface FleetVirtualNetwork {
  /** Subscription GUID or its `name`. */
  subscription: string;
  resourceGroup: string;
  name: string;
  region: string;
  addressSpace: string[];
  tags?: Record<string, string>;
  subnets?: FleetSubnet[];
  /** A VNet flow log targeting the whole VNet. */
  flowLog?: FleetFlowLog;
}

/** @public */
export interface FleetSecurityRule {
  name: string;
  priority: number;
  direction: 'Inbound' | 'Outbound';
  access: 'Allow' | 'Deny';
  /** `*`, `Tcp`, `Udp`, `Icmp` (default `*`). */
  protocol?: string;
  /** Address prefix(es) or service tag(s) (default `*`). */
  source?: string | string[];
  destination?: string | string[];
  destinationPorts?: string | string[];
  description?: string;
}

/** @public */
export interface FleetNetworkSecurityGroup {
  subscription: string;
  resourceGroup: string;
  name: string;
  region: string;
  tags?: Record<string, string>;
  rules?: FleetSecurityRule[];
  /**
   * An NSG flow log (retiring: none can be created since 2025-06-30, and they are retired
   * on 2027-09-30, https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview).
   */
  flowLog?: FleetFlowLog;
}

/** @public */
export interface FleetPool {
  name: string;
  mode?: 'System' | 'User';
  count: number;
  maxPods?: number;
  vmSize?: string;
  /** Node subnet as `vnet/subnet` (same subscription) or a subnet id. */
  subnet?: string;
  /** Pod subnet as `vnet/subnet` or a subnet id (Azure CNI pod subnet model). */
  podSubnet?: string;
  /** `upgradeSettings.maxSurge`, e.g. `1` or `33%`. */
  maxSurge?: string;
  autoscale?: { min: number; max: number };
}

/** @public */
export interface FleetClusterNetwork {
  plugin: 'azure' | 'kubenet' | 'none';
  mode?: 'overlay';
  dataplane?: 'azure' | 'cilium';
  policy?: string;
  podCidr?: string;
  serviceCidr?: string;
  dnsServiceIP?: string;
  /** ACNS (networkProfile.advancedNetworking). */
  acns?: { observability?: boolean; security?: boolean };
  /** addonProfiles.omsagent.config.enableContainerNetworkLogs = 'true'. */
  containerNetworkLogs?: boolean;
  /**
   * Created as flat Azure CNI, then updated in place to overlay
   * (https://learn.microsoft.com/azure/aks/upgrade-aks-ipam-and-dataplane).
   */
  migratedFromFlat?: boolean;
}

/** @public */
export interface FleetCluster {
  subscription: string;
  resourceGroup: string;
  name: string;
  region: string;
  kubernetesVersion?: string;
  tags?: Record<string, string>;
  network: FleetClusterNetwork;
  pools: FleetPool[];
  /** Log Analytics workspace id for the monitoring addon (omsagent). */
  logAnalyticsWorkspace?: string;
}

/** Where new node subnets may be carved out (read by the backend). @public */
export interface FleetAddressPool {
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  vnetName: string;
  region: string;
  range: string;
  description?: string;
}

/** @public */
export interface SimulatorFleet {
  tenantId?: string;
  subscriptions: FleetSubscription[];
  virtualNetworks?: FleetVirtualNetwork[];
  networkSecurityGroups?: FleetNetworkSecurityGroup[];
  clusters?: FleetCluster[];
  addressPools?: FleetAddressPool[];
}
