import type { ManagedCluster } from '@azure/arm-containerservice';
import {
  ClusterRecord,
  FlowLogRecord,
  NodePoolRecord,
  NodeSubnetRecord,
  NsgRecord,
  UnreadClusterPart,
  vnetIdOfSubnet,
} from '@aks-network/plugin-aks-network-common';
import { armIdKey, parseArmResourceId } from './armResourceId';
import { mapClusterAddons } from './mapClusterAddons';
import { mapFlowLog } from './mapFlowLogs';
import { mapNetworkProfile } from './mapNetworkProfile';
import { mapNetworkSecurityGroup } from './mapNetworkSecurityGroup';
import { mapNodePool, AgentPoolLike } from './mapNodePool';
import { mapNodeSubnet } from './mapNodeSubnet';
import { mapVirtualNetwork, peeredRangesOf } from './mapVirtualNetwork';
import { NetworkResourceIndex } from './NetworkResourceIndex';

/**
 * What the inventory read besides the managed cluster itself.
 *
 * @public
 */
export interface ManagedClusterEnrichment {
  /**
   * The cluster's `agentPools.list()`, read only when its `agentPoolProfiles` lack a
   * field the record needs. When absent (not needed, or the call failed) the cluster's
   * own `agentPoolProfiles` are used: ARM returns the same pool fields there.
   */
  agentPools?: AgentPoolLike[];
  /** VNets, subnet usages, NSGs and flow logs read for the cluster's subscription. */
  network?: NetworkResourceIndex;
  /**
   * The API server CA (base64 PEM) of the cluster-user kubeconfig, see
   * `kubeconfigCertificateAuthority`; absent when not read or not readable.
   */
  apiServerCertificateAuthority?: string;
  /** What the read could not read of the cluster's network (its failed calls). */
  unread?: UnreadClusterPart[];
}

/** Distinct ids in first-seen order, compared as ARM compares them (case-insensitive). */
function distinctIds(ids: Array<string | undefined>): string[] {
  const seen = new Map<string, string>();
  for (const id of ids) {
    if (id && !seen.has(armIdKey(id))) {
      seen.set(armIdKey(id), id);
    }
  }
  return [...seen.values()];
}

/** System pools first: the VNet of the cluster is the VNet of its system pool. */
function systemFirst(pools: NodePoolRecord[]): NodePoolRecord[] {
  return [...pools].sort(
    (a, b) =>
      Number(b.mode.toLowerCase() === 'system') -
      Number(a.mode.toLowerCase() === 'system'),
  );
}

function nodeSubnetsOf(
  subnetIds: string[],
  network: NetworkResourceIndex | undefined,
): NodeSubnetRecord[] {
  if (!network) {
    return [];
  }
  return subnetIds.flatMap(subnetId => {
    const subnet = network.subnet(subnetId);
    if (!subnet) {
      return [];
    }
    const nsgId = subnet.networkSecurityGroup?.id;
    const nsg = nsgId ? network.networkSecurityGroup(nsgId) : undefined;
    // An NSG whose GET failed is still the subnet's NSG: kept without its rules.
    let nsgRecord: NsgRecord | undefined;
    if (nsg) {
      nsgRecord = mapNetworkSecurityGroup(nsg);
    } else if (nsgId) {
      nsgRecord = { id: nsgId };
    }
    const record = mapNodeSubnet(
      subnet,
      network.subnetUsage(subnetId),
      nsgRecord,
    );
    return record ? [record] : [];
  });
}

/**
 * A cluster whose pools name no subnet runs on a VNet AKS creates in its node resource
 * group. The inventory does not read that VNet, so its subnet, NSG and flow logs are
 * unknown rather than absent (DOMAIN_FACTS.verdictNeedsData).
 */
function managedVnetPart(
  cluster: ManagedCluster,
  parsed: ReturnType<typeof parseArmResourceId>,
): UnreadClusterPart {
  const nodeResourceGroup = cluster.nodeResourceGroup?.trim();
  return {
    part: 'vnet',
    resourceId:
      parsed && nodeResourceGroup
        ? `/subscriptions/${parsed.subscriptionId}/resourceGroups/${nodeResourceGroup}`
        : cluster.id ?? '',
    error: `The node pools name no subnet: the cluster runs on a VNet AKS manages in its node resource group${
      nodeResourceGroup ? ` ${nodeResourceGroup}` : ''
    }, which the inventory does not read.`,
  };
}

/**
 * Maps a managed cluster (SDK model of `@azure/arm-containerservice`, whose
 * deserializer flattens ARM's `properties`) and what was read around it into the
 * inventory's `ClusterRecord`. The network model is not decided here: callers use
 * `classifyClusterRecord` of common, the one place that reads ARM's plugin/mode/pod
 * subnet rules.
 *
 * - The Kubernetes version is the running one (`currentKubernetesVersion`) when ARM
 *   gives it, else the requested one: `kubernetesVersion` may be an alias such as
 *   `1.30`, and in-place migration to overlay needs the real version (docs/domain.md#in-place-migration: "needs
 *   k8s ≥ 1.27").
 * - Node subnets are the distinct `vnetSubnetID`s of the pools. AKS requires every
 *   pool's subnet to be in the same VNet, so the VNet (and its peerings) is the one of
 *   the system pool's subnet. Clusters on an AKS-managed VNet have no `vnetSubnetID`:
 *   no node subnets, no VNet, and the VNet listed as unread.
 * - Pod subnets are the distinct `podSubnetID`s (Azure CNI pod subnet), read like node
 *   subnets: pods take their IPs.
 * - A subnet, NSG or VNet the index lacks (its call failed) is left out rather than
 *   reported empty; the reader lists the failure in the record's `unread`.
 * - Flow logs are those on the VNet, a node subnet or a node subnet's NSG.
 *
 * @public
 */
export function mapManagedCluster(
  cluster: ManagedCluster,
  enrichment: ManagedClusterEnrichment = {},
): ClusterRecord {
  const id = cluster.id ?? '';
  const parsed = parseArmResourceId(id);
  const pools = (enrichment.agentPools ?? cluster.agentPoolProfiles ?? []).map(
    mapNodePool,
  );
  const network = enrichment.network;
  const subnetIds = distinctIds(systemFirst(pools).map(p => p.vnetSubnetId));
  const nodeSubnets = nodeSubnetsOf(subnetIds, network);
  const vnetId =
    subnetIds.length > 0 ? vnetIdOfSubnet(subnetIds[0]) : undefined;
  const vnet = vnetId ? network?.virtualNetwork(vnetId) : undefined;
  const podSubnetIds = distinctIds(systemFirst(pools).map(p => p.podSubnetId));

  const flowLogTargets = distinctIds([
    vnet?.id ?? vnetId,
    ...subnetIds,
    // From the VNet's subnets rather than the mapped NSGs, so an NSG flow log is
    // still found when the NSG's own GET failed.
    ...subnetIds.map(
      subnetId => network?.subnet(subnetId)?.networkSecurityGroup?.id,
    ),
  ]);
  const flowLogs = (network?.flowLogsTargeting(flowLogTargets) ?? [])
    .map(mapFlowLog)
    .filter((log): log is FlowLogRecord => log !== undefined);

  const record: ClusterRecord = {
    id,
    name: cluster.name ?? parsed?.names[0] ?? '',
    subscriptionId: parsed?.subscriptionId ?? '',
    resourceGroup: parsed?.resourceGroup ?? '',
    location: cluster.location,
    tags: { ...(cluster.tags ?? {}) },
    networkProfile: mapNetworkProfile(cluster.networkProfile),
    nodePools: pools,
    nodeSubnets,
    addons: mapClusterAddons(cluster),
    flowLogs,
    peeredRanges: vnet ? peeredRangesOf(vnet) : [],
  };
  const kubernetesVersion =
    cluster.currentKubernetesVersion ?? cluster.kubernetesVersion;
  if (kubernetesVersion) {
    record.kubernetesVersion = kubernetesVersion;
  }
  if (cluster.provisioningState) {
    record.provisioningState = cluster.provisioningState;
  }
  // The API server's address, for the Kubernetes plugin's catalog cluster locator.
  if (cluster.fqdn) {
    record.fqdn = cluster.fqdn;
  }
  if (cluster.privateFqdn) {
    record.privateFqdn = cluster.privateFqdn;
  }
  if (enrichment.apiServerCertificateAuthority) {
    record.apiServerCertificateAuthority =
      enrichment.apiServerCertificateAuthority;
  }
  if (vnet) {
    record.vnet = mapVirtualNetwork(vnet);
  }
  if (podSubnetIds.length > 0) {
    record.podSubnets = nodeSubnetsOf(podSubnetIds, network);
  }
  const unread = [
    ...(enrichment.unread ?? []),
    ...(subnetIds.length === 0 ? [managedVnetPart(cluster, parsed)] : []),
  ];
  if (unread.length > 0) {
    record.unread = unread;
  }
  return record;
}
