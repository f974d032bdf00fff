import type {
  ContainerServiceClient,
  ManagedCluster,
} from '@azure/arm-containerservice';
import type { NetworkManagementClient } from '@azure/arm-network';
import { ClusterRecord } from '@aks-network/plugin-aks-network-common';
import { armIdKey } from '../mapping/armResourceId';
import { mapManagedCluster } from '../mapping/mapManagedCluster';
import { emptyCallCounts, InventoryCallCounts } from './InventoryCallCounts';
import { describeArmFailure, InventoryReadError } from './InventoryReadError';
import { readPerCluster } from './readPerCluster';
import type { SharedReads } from './SharedReads';
import {
  ClusterNetworkScopes,
  readNetworkResources,
} from './readNetworkResources';
import { unreadPartsByCluster } from './unreadParts';

/**
 * The SDK clients the reader needs, one per subscription. `createArmClients` returns
 * an object of this shape (with retry, throttling and counting in the pipeline); a test
 * may pass clients it built itself.
 *
 * @public
 */
export interface InventoryArmClients {
  containerService(subscriptionId: string): ContainerServiceClient;
  network(subscriptionId: string): NetworkManagementClient;
}

/**
 * Options of {@link AzureInventoryReader}.
 *
 * @public
 */
export interface AzureInventoryReaderOptions {
  /**
   * SDK operations in flight at once per read (agent pool listings, VNet reads, …).
   * Default 4. The pipeline bounds HTTP requests per subscription on top of this.
   */
  concurrency?: number;
  /**
   * Also read each cluster's API server CA (`managedClusters.listClusterUserCredentials`,
   * one call per cluster) into `ClusterRecord.apiServerCertificateAuthority`. It needs
   * `Microsoft.ContainerService/managedClusters/listClusterUserCredential/action`
   * (Azure Kubernetes Service Cluster User Role), more than `Reader`, hence off by
   * default; `AzureAccess.settings.readApiServerCertificateAuthority` holds the
   * configured value (`aksNetwork.azure.readApiServerCertificateAuthority`).
   */
  readApiServerCertificateAuthority?: boolean;
}

/**
 * Options of {@link AzureInventoryReader.readSubscription}.
 *
 * @public
 */
export interface ReadSubscriptionOptions {
  /** Stops the read; the promise then rejects with the abort reason. */
  signal?: AbortSignal;
  /**
   * The pass this read is one of: the VNets, NSGs, Network Watchers and flow logs that
   * another subscription's read of the pass already read are taken from it, not read
   * again (a hub VNet used by clusters of 25 subscriptions is read once, not 25
   * times). Without it, the read reads all it needs itself.
   */
  shared?: SharedReads;
}

/**
 * One subscription's clusters as read from Azure.
 *
 * Completeness: `complete` is true when the cluster list of the subscription was read
 * to its last page. Only then may a consumer treat a cluster missing from `clusters` as
 * deleted (docs/domain.md#failed-sync-keeps-inventory: "a failed sync never deletes good inventory"). A failed enrichment
 * call (agent pools, VNet, subnet, usages, NSG, flow logs) does not make the read
 * incomplete: the cluster is still listed, its record leaves the unread data out and
 * names it in `unread` (all but the agent pools, whose fields the cluster's own profiles
 * hold), and the failure is in `errors` with the cluster's id in `clusterIds` (and in
 * `partialClusterIds`).
 * A failed API server CA read (opt-in) is in `errors` too, under the cluster's
 * `resourceId`, but does not make the cluster partial: the record only lacks the CA.
 *
 * @public
 */
export interface SubscriptionInventory {
  subscriptionId: string;
  /** Every cluster listed, in ARM's order, with whatever enrichment succeeded. */
  clusters: ClusterRecord[];
  /** The cluster list was read in full; see the interface's doc. */
  complete: boolean;
  /** Every failed read, the cluster list's included. */
  errors: InventoryReadError[];
  /** Ids of clusters whose records miss data because an enrichment call failed. */
  partialClusterIds: string[];
  /** SDK operations started, per kind. */
  calls: InventoryCallCounts;
  /** Pages of the managed cluster list that were read. */
  clusterListPages: number;
}

const DEFAULT_CONCURRENCY = 4;

/**
 * Reads the AKS clusters of a subscription and the network around them, and maps them
 * into `ClusterRecord`s. The calls per read are bounded by what is shared, not by
 * the cluster count (except, opted in, one credential call per cluster):
 * `managedClusters.list` (paged, node pools from its `agentPoolProfiles`),
 * `agentPools.list` only for a cluster whose profiles lack a field the record needs,
 * `managedClusters.listClusterUserCredentials` per cluster when opted in, and once per
 * VNet, NSG, subscription and region what `readNetworkResources` describes. Given a
 * pass's `SharedReads` (`ReadSubscriptionOptions.shared`), those network reads are made
 * once per pass however many subscriptions' clusters share them.
 *
 * @public
 */
export class AzureInventoryReader {
  private readonly concurrency: number;
  private readonly readCertificateAuthority: boolean;

  constructor(
    private readonly clients: InventoryArmClients,
    options: AzureInventoryReaderOptions = {},
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    this.readCertificateAuthority =
      options.readApiServerCertificateAuthority ?? false;
  }

  async readSubscription(
    subscriptionId: string,
    options: ReadSubscriptionOptions = {},
  ): Promise<SubscriptionInventory> {
    const { signal, shared } = options;
    signal?.throwIfAborted();
    const calls = emptyCallCounts();
    const errors: InventoryReadError[] = [];
    const containerService = this.clients.containerService(subscriptionId);

    // The cluster list: the only read whose failure makes the result incomplete.
    const clusters: ManagedCluster[] = [];
    let complete = true;
    let clusterListPages = 0;
    calls['managedClusters.list'] += 1;
    try {
      const pages = containerService.managedClusters
        .list({ abortSignal: signal })
        .byPage();
      for await (const page of pages) {
        clusterListPages += 1;
        clusters.push(...page);
      }
    } catch (error) {
      signal?.throwIfAborted();
      complete = false;
      errors.push({
        kind: 'managedClusters.list',
        resourceId: `/subscriptions/${subscriptionId}`,
        clusterIds: [],
        ...describeArmFailure(error),
      });
    }

    const { agentPools, certificateAuthorities } = await readPerCluster({
      containerService: () => containerService,
      clusters,
      concurrency: this.concurrency,
      readCertificateAuthority: this.readCertificateAuthority,
      signal,
      calls,
      errors,
    });

    const scopes: ClusterNetworkScopes = new Map();
    for (const cluster of clusters) {
      if (!cluster.id) {
        continue;
      }
      const pools =
        agentPools.get(armIdKey(cluster.id)) ?? cluster.agentPoolProfiles ?? [];
      scopes.set(cluster.id, {
        location: cluster.location,
        subnetIds: pools
          .flatMap(pool => [pool.vnetSubnetID, pool.podSubnetID])
          .filter((id): id is string => Boolean(id?.trim())),
      });
    }

    const network = await readNetworkResources(
      {
        network: id => this.clients.network(id),
        concurrency: this.concurrency,
        signal,
        calls,
        errors,
        shared,
      },
      scopes,
    );
    const unread = unreadPartsByCluster(errors);

    const records = clusters.map(cluster => {
      const key = cluster.id ? armIdKey(cluster.id) : undefined;
      return mapManagedCluster(cluster, {
        agentPools: key ? agentPools.get(key) : undefined,
        network,
        apiServerCertificateAuthority: key
          ? certificateAuthorities.get(key)
          : undefined,
        unread: key ? unread.get(key) : undefined,
      });
    });
    const partialClusterIds = [
      ...new Set(errors.flatMap(error => error.clusterIds)),
    ];
    return {
      subscriptionId,
      clusters: records,
      complete,
      errors,
      partialClusterIds,
      calls,
      clusterListPages,
    };
  }
}
