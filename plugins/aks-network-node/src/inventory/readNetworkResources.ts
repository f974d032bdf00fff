import type { NetworkManagementClient } from '@azure/arm-network';
import { vnetIdOfSubnet } from '@aks-network/plugin-aks-network-common';
import { armIdKey, parseArmResourceId } from '../mapping/armResourceId';
import { NetworkResourceIndex } from '../mapping/NetworkResourceIndex';
import { collectAll } from './collectAll';
import { forEachConcurrently } from './forEachConcurrently';
import { InventoryCallCounts, InventoryCallKind } from './InventoryCallCounts';
import { InventoryReadError } from './InventoryReadError';
import { SharedReads } from './SharedReads';

/** A resource the clusters depend on, and the clusters that depend on it. */
interface Dependency {
  id: string;
  clusterIds: Set<string>;
}

/** What {@link readNetworkResources} needs from one inventory pass. */
export interface NetworkReadContext {
  network(subscriptionId: string): NetworkManagementClient;
  concurrency: number;
  signal?: AbortSignal;
  calls: InventoryCallCounts;
  errors: InventoryReadError[];
  /** The pass's reads shared by subscriptions; without it every call is made here. */
  shared?: SharedReads;
}

/** The read's context with the pass it belongs to (its own when given none). */
type PassContext = NetworkReadContext & { shared: SharedReads };

/** What the network read needs of one cluster. */
export interface ClusterNetworkScope {
  /**
   * The cluster's region: a VNet must be in its cluster's region, so its flow logs are
   * in that region's Network Watcher even when the VNet's own GET failed.
   */
  location: string;
  /** Node and pod subnet ids, as the pools name them. */
  subnetIds: string[];
}

/** The network scope of each cluster, by cluster id. */
export type ClusterNetworkScopes = Map<string, ClusterNetworkScope>;

/** ARM writes regions as `westeurope`; some payloads as `West Europe`. */
function regionKey(location: string | undefined): string {
  return (location ?? '').toLowerCase().replace(/\s+/g, '');
}

function addDependency(
  map: Map<string, Dependency>,
  id: string,
  clusterIds: Iterable<string>,
): void {
  const key = armIdKey(id);
  const entry = map.get(key) ?? { id, clusterIds: new Set<string>() };
  for (const clusterId of clusterIds) {
    entry.clusterIds.add(clusterId);
  }
  map.set(key, entry);
}

/**
 * Runs one SDK operation, counting it, and records a failure against the clusters it
 * would have enriched instead of throwing. An abort is not a failure: it propagates,
 * so a cancelled read never looks like a complete one. With `context.shared`, an
 * operation another subscription's read of the same pass already ran is not run
 * again: its outcome is used, and only the read that ran it counts the call.
 */
async function attempt<T>(
  context: PassContext,
  kind: InventoryCallKind,
  resourceId: string,
  clusterIds: Iterable<string>,
  operation: () => Promise<T>,
): Promise<T | undefined> {
  context.signal?.throwIfAborted();
  const { started, outcome } = context.shared.read(
    kind,
    resourceId,
    operation,
    context.signal,
  );
  if (started) {
    context.calls[kind] += 1;
  }
  const result = await outcome;
  if (result.ok) {
    return result.value;
  }
  context.errors.push({
    kind,
    resourceId,
    clusterIds: [...clusterIds],
    ...result.failure,
  });
  return undefined;
}

/** `subnets.get` for each subnet of one VNet the clusters name, each once. */
async function readSubnetsOf(
  context: PassContext,
  client: NetworkManagementClient,
  vnetId: string,
  clusters: Array<[string, ClusterNetworkScope]>,
): Promise<void> {
  const subnets = new Map<string, Dependency>();
  for (const [clusterId, { subnetIds }] of clusters) {
    for (const subnetId of subnetIds) {
      if (armIdKey(vnetIdOfSubnet(subnetId) ?? '') === armIdKey(vnetId)) {
        addDependency(subnets, subnetId, [clusterId]);
      }
    }
  }
  await forEachConcurrently(
    [...subnets.values()],
    context.concurrency,
    async subnet => {
      const parts = parseArmResourceId(subnet.id);
      if (!parts || parts.names.length < 2) {
        return;
      }
      await attempt(
        context,
        'subnets.get',
        subnet.id,
        subnet.clusterIds,
        async () => {
          const model = await client.subnets.get(
            parts.resourceGroup,
            parts.names[0],
            parts.names[1],
            { abortSignal: context.signal },
          );
          context.shared.index.addSubnet(model);
          return model;
        },
      );
    },
  );
}

/**
 * Reads the network resources behind a subscription's clusters, each once however
 * many clusters share it (issue 3: "one call per VNet, not per cluster"; "one call per
 * region, not per cluster"):
 *
 * 1. per VNet of a node or pod subnet: one `virtualNetworks.get` (which returns the
 *    subnets with their prefixes and NSG ids inline) and one `virtualNetworks.listUsage`
 *    (IP use of every subnet of the VNet); only where the VNet GET fails, one
 *    `subnets.get` per subnet the clusters name in it;
 * 2. per distinct NSG on a node subnet: one `networkSecurityGroups.get`;
 * 3. per subscription holding those VNets and NSGs: one `networkWatchers.listAll`, then
 *    per region with such a VNet, NSG or cluster: one `flowLogs.list` on that region's
 *    watcher (Azure keeps one Network Watcher per region and subscription, a flow log
 *    lives in the watcher of its target's region, and a VNet is in its cluster's).
 *
 * With `context.shared` (one inventory pass), each is read once per pass however many
 * subscriptions' clusters share it: a hub VNet, and its subscription's watchers.
 *
 * A failed call is recorded in `context.errors` against the clusters it would have
 * enriched; the reader turns those into each record's `unread` parts.
 *
 * VNets and NSGs are addressed by their parsed ids, so ones in another resource group
 * or subscription than the cluster are read from where they are.
 */
export async function readNetworkResources(
  context: NetworkReadContext,
  scopes: ClusterNetworkScopes,
): Promise<NetworkResourceIndex> {
  // Without a pass, this read is a pass of its own.
  const pass: PassContext = {
    ...context,
    shared: context.shared ?? new SharedReads(),
  };
  const { index } = pass.shared;
  const { concurrency } = context;

  const vnets = new Map<string, Dependency>();
  for (const [clusterId, { subnetIds }] of scopes) {
    for (const subnetId of subnetIds) {
      const vnetId = vnetIdOfSubnet(subnetId);
      if (vnetId) {
        addDependency(vnets, vnetId, [clusterId]);
      }
    }
  }

  // Regions (per subscription) whose flow logs matter, with the clusters in them.
  const flowLogScopes = new Map<string, Map<string, Set<string>>>();
  const addFlowLogScope = (
    resourceId: string,
    location: string | undefined,
    clusterIds: Iterable<string>,
  ) => {
    const parts = parseArmResourceId(resourceId);
    if (!parts || !location) {
      return;
    }
    const subscription = parts.subscriptionId.toLowerCase();
    const regions = flowLogScopes.get(subscription) ?? new Map();
    const clusters = regions.get(regionKey(location)) ?? new Set<string>();
    for (const clusterId of clusterIds) {
      clusters.add(clusterId);
    }
    regions.set(regionKey(location), clusters);
    flowLogScopes.set(subscription, regions);
  };

  // 1. VNets and their usages.
  const nsgs = new Map<string, Dependency>();
  await forEachConcurrently([...vnets.values()], concurrency, async vnet => {
    const parts = parseArmResourceId(vnet.id);
    if (!parts) {
      return;
    }
    const client = context.network(parts.subscriptionId);
    const [resourceGroup, name] = [parts.resourceGroup, parts.names[0]];
    // Each model goes into the pass's index once, by the read that fetched it.
    const [vnetModel] = await Promise.all([
      attempt(
        pass,
        'virtualNetworks.get',
        vnet.id,
        vnet.clusterIds,
        async () => {
          const read = await client.virtualNetworks.get(resourceGroup, name, {
            abortSignal: context.signal,
          });
          index.addVirtualNetwork(read);
          return read;
        },
      ),
      attempt(
        pass,
        'virtualNetworks.listUsage',
        vnet.id,
        vnet.clusterIds,
        async () => {
          const read = await collectAll(
            client.virtualNetworks.listUsage(resourceGroup, name, {
              abortSignal: context.signal,
            }),
          );
          index.addUsages(read);
          return read;
        },
      ),
    ]);
    const inVnet = [...scopes].filter(([clusterId]) =>
      vnet.clusterIds.has(clusterId),
    );
    for (const [clusterId, { location }] of inVnet) {
      addFlowLogScope(vnet.id, location, [clusterId]);
    }
    if (vnetModel) {
      addFlowLogScope(vnet.id, vnetModel.location, vnet.clusterIds);
    } else {
      // The VNet could not be read: read the clusters' own subnets, so their prefixes
      // and NSGs are still known (one GET per subnet, only on this path).
      await readSubnetsOf(pass, client, vnet.id, inVnet);
    }
    for (const [clusterId, { subnetIds }] of inVnet) {
      for (const subnetId of subnetIds) {
        const nsgId = index.subnet(subnetId)?.networkSecurityGroup?.id;
        if (nsgId) {
          addDependency(nsgs, nsgId, [clusterId]);
        }
      }
    }
  });

  // 2. NSGs on node subnets.
  await forEachConcurrently([...nsgs.values()], concurrency, async nsg => {
    const parts = parseArmResourceId(nsg.id);
    if (!parts) {
      return;
    }
    const model = await attempt(
      pass,
      'networkSecurityGroups.get',
      nsg.id,
      nsg.clusterIds,
      async () => {
        const read = await context
          .network(parts.subscriptionId)
          .networkSecurityGroups.get(parts.resourceGroup, parts.names[0], {
            abortSignal: context.signal,
          });
        index.addNetworkSecurityGroup(read);
        return read;
      },
    );
    if (model) {
      addFlowLogScope(nsg.id, model.location, nsg.clusterIds);
    }
  });

  // 3. Flow logs: one watcher listing per subscription, one flow-log listing per region.
  await forEachConcurrently(
    [...flowLogScopes.entries()],
    concurrency,
    async ([subscriptionId, regions]) => {
      const client = context.network(subscriptionId);
      const allClusters = [...regions.values()].flatMap(set => [...set]);
      const watchers = await attempt(
        pass,
        'networkWatchers.listAll',
        `/subscriptions/${subscriptionId}`,
        new Set(allClusters),
        () =>
          collectAll(
            client.networkWatchers.listAll({ abortSignal: context.signal }),
          ),
      );
      const inScope = (watchers ?? []).filter(
        watcher => watcher.id && regions.has(regionKey(watcher.location)),
      );
      await forEachConcurrently(inScope, concurrency, async watcher => {
        const parts = parseArmResourceId(watcher.id);
        if (!parts) {
          return;
        }
        await attempt(
          pass,
          'flowLogs.list',
          watcher.id ?? '',
          regions.get(regionKey(watcher.location)) ?? [],
          async () => {
            const read = await collectAll(
              client.flowLogs.list(parts.resourceGroup, parts.names[0], {
                abortSignal: context.signal,
              }),
            );
            index.addFlowLogs(read);
            return read;
          },
        );
      });
    },
  );

  return index;
}
