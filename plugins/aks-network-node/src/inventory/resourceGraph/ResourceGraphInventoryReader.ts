import type { ManagedCluster } from '@azure/arm-containerservice';
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { vnetIdOfSubnet } from '@aks-network/plugin-aks-network-common';
import { armIdKey, parseArmResourceId } from '../../mapping/armResourceId';
import { mapManagedCluster } from '../../mapping/mapManagedCluster';
import type { NetworkResourceIndex } from '../../mapping/NetworkResourceIndex';
import type {
  AzureInventoryReaderOptions,
  InventoryArmClients,
  ReadSubscriptionOptions,
  SubscriptionInventory,
} from '../AzureInventoryReader';
import { collectAll } from '../collectAll';
import { forEachConcurrently } from '../forEachConcurrently';
import { emptyCallCounts } from '../InventoryCallCounts';
import type { InventoryReadError } from '../InventoryReadError';
import { readPerCluster } from '../readPerCluster';
import {
  ClusterNetworkScopes,
  readNetworkResources,
} from '../readNetworkResources';
import { unreadPartsByCluster } from '../unreadParts';
import { MAX_RESOURCE_GRAPH_PAGE_ROWS } from './queryResourceGraph';
import { PassData, ResourceGraphPass } from './ResourceGraphPass';
import { SdkModels } from './sdkModels';

/**
 * The clients {@link ResourceGraphInventoryReader} needs: Resource Graph, the ARM
 * clients for what it cannot answer, and the subscriptions a pass covers.
 * `createArmClients` returns an object of this shape.
 *
 * @public
 */
export interface ResourceGraphInventoryClients extends InventoryArmClients {
  resourceGraph(): ResourceGraphClient;
  /** The subscriptions one pass queries: the configured ones, or all the credential sees. */
  listSubscriptionIds(): Promise<string[]>;
}

/**
 * Options of {@link ResourceGraphInventoryReader}.
 *
 * @public
 */
export interface ResourceGraphInventoryReaderOptions
  extends AzureInventoryReaderOptions {
  /** Rows per query page (`$top`): default and most 1,000, Resource Graph's page limit. */
  pageSize?: number;
  /**
   * How long a pass's answers serve the subscriptions not yet read from it. Default
   * 60 s; a read asked later, or asked again, starts a fresh pass.
   */
  passMaxAgeMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_PASS_MAX_AGE_MS = 60_000;

/**
 * Reads the AKS clusters of a subscription like `AzureInventoryReader`, into the same
 * `SubscriptionInventory` through the same mapping, but from Azure Resource Graph:
 * one pass runs four queries across every subscription of `listSubscriptionIds()`
 * (the subscriptions Resource Graph sees, the managed clusters, the VNets with their
 * subnets and the NSGs, the flow logs), 1,000 rows a page, and the subscriptions'
 * reads share it. Per subscription it then calls ARM only for what Resource Graph does
 * not hold: one `virtualNetworks.listUsage` per VNet (once per pass, however many
 * subscriptions' clusters use the VNet), `agentPools.list` only where a cluster's
 * listed profiles lack a field (as on the ARM path) and, opted in, the API server CAs.
 *
 * Failures stay with the subscriptions they touch:
 * - a subscription Resource Graph does not see (removed, or not readable by the
 *   credential: it then answers no rows, not an error) is read incomplete, so its
 *   clusters are kept and marked stale instead of looking deleted;
 * - a failed subscriptions or cluster query makes every subscription of the pass
 *   incomplete, with the error;
 * - a failed network query, or a VNet Resource Graph did not answer (one in a
 *   subscription outside the pass), is read through ARM as `AzureInventoryReader`
 *   does for the clusters concerned;
 * - a failed flow-log query or usages call leaves `flowLogs` or `subnetUsage` unread
 *   on the clusters concerned.
 *
 * @public
 */
export class ResourceGraphInventoryReader {
  private readonly concurrency: number;
  private readonly readCertificateAuthority: boolean;
  private readonly pageSize: number;
  private readonly passMaxAgeMs: number;
  private readonly now: () => number;
  private readonly models = new SdkModels();
  private pass?: ResourceGraphPass;
  private passExpiry?: ReturnType<typeof setTimeout>;
  private starting?: Promise<ResourceGraphPass>;

  constructor(
    private readonly clients: ResourceGraphInventoryClients,
    options: ResourceGraphInventoryReaderOptions = {},
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    this.readCertificateAuthority =
      options.readApiServerCertificateAuthority ?? false;
    this.pageSize = Math.min(
      MAX_RESOURCE_GRAPH_PAGE_ROWS,
      Math.max(1, Math.floor(options.pageSize ?? MAX_RESOURCE_GRAPH_PAGE_ROWS)),
    );
    this.passMaxAgeMs = options.passMaxAgeMs ?? DEFAULT_PASS_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  async readSubscription(
    subscriptionId: string,
    options: ReadSubscriptionOptions = {},
  ): Promise<SubscriptionInventory> {
    const { signal } = options;
    signal?.throwIfAborted();
    let pass = await this.passFor(subscriptionId, signal);
    pass.take(subscriptionId);
    let data: PassData;
    try {
      data = await pass.data;
    } catch (error) {
      // The pass was started by a read that was aborted since; this one was not.
      signal?.throwIfAborted();
      this.dropPass(pass);
      pass = await this.passFor(subscriptionId, signal);
      pass.take(subscriptionId);
      data = await pass.data;
    }
    const answer = await this.answer(subscriptionId, pass, data, signal);
    // Let the pass's rows go once nothing more will be read from it, so a backend does
    // not hold a fleet's worth of models between syncs.
    if (pass.done()) {
      this.dropPass(pass);
    }
    return answer;
  }

  /**
   * Forgets `pass` if it is the current one, with its expiry timer: the timer's
   * closure holds the pass, so a pass left to it stayed in memory for `passMaxAgeMs`
   * after its last read (a fleet's models, measured by bench:sync).
   */
  private dropPass(pass: ResourceGraphPass): void {
    if (this.pass !== pass) {
      return;
    }
    this.pass = undefined;
    clearTimeout(this.passExpiry);
    this.passExpiry = undefined;
  }

  private async passFor(
    subscriptionId: string,
    signal: AbortSignal | undefined,
  ): Promise<ResourceGraphPass> {
    // Reads started together (the sync reads several subscriptions at once) wait for
    // the same pass instead of each listing the subscriptions and starting its own.
    while (this.starting) {
      await this.starting.catch(() => undefined);
    }
    if (this.pass?.serves(subscriptionId, this.now(), this.passMaxAgeMs)) {
      return this.pass;
    }
    const starting = this.startPass(subscriptionId, signal);
    this.starting = starting;
    try {
      const pass = await starting;
      clearTimeout(this.passExpiry);
      this.pass = pass;
      // A pass some subscriptions never ask for (a single refresh) is dropped when it
      // can serve no more, not kept until the next read.
      this.passExpiry = setTimeout(
        () => this.dropPass(pass),
        this.passMaxAgeMs,
      );
      this.passExpiry.unref?.();
      return pass;
    } finally {
      if (this.starting === starting) {
        this.starting = undefined;
      }
    }
  }

  private async startPass(
    subscriptionId: string,
    signal: AbortSignal | undefined,
  ): Promise<ResourceGraphPass> {
    let ids: string[];
    try {
      ids = await this.clients.listSubscriptionIds();
    } catch {
      // Listing failed: this subscription alone, and the next read tries again.
      ids = [];
    }
    signal?.throwIfAborted();
    const keys = new Set(ids.map(id => id.toLowerCase()));
    const subscriptionIds = keys.has(subscriptionId.toLowerCase())
      ? ids
      : [...ids, subscriptionId];
    return new ResourceGraphPass(
      {
        client: this.clients.resourceGraph(),
        models: this.models,
        subscriptionIds,
        pageSize: this.pageSize,
        signal,
      },
      this.now(),
    );
  }

  private async answer(
    subscriptionId: string,
    pass: ResourceGraphPass,
    data: PassData,
    signal: AbortSignal | undefined,
  ): Promise<SubscriptionInventory> {
    const key = subscriptionId.toLowerCase();
    const calls = emptyCallCounts();
    calls['resourceGraph.resources'] = pass.takePages();
    const errors: InventoryReadError[] = [];
    const clusterListPages = calls['resourceGraph.resources']
      ? data.clusterPages
      : 0;
    const incomplete = (
      error: Omit<InventoryReadError, 'kind' | 'resourceId' | 'clusterIds'>,
    ) => {
      // The cluster list of the subscription, whichever query failed to give it.
      errors.push({
        kind: 'managedClusters.list',
        resourceId: `/subscriptions/${subscriptionId}`,
        clusterIds: [],
        ...error,
      });
      return {
        subscriptionId,
        clusters: [],
        complete: false,
        errors,
        partialClusterIds: [],
        calls,
        clusterListPages,
      };
    };
    if (!data.visible.ok) {
      return incomplete({
        ...data.visible.failure,
        message: `Resource Graph's subscriptions query failed: ${data.visible.failure.message}`,
      });
    }
    if (!data.clusters.ok) {
      return incomplete({
        ...data.clusters.failure,
        message: `Resource Graph's managed clusters query failed: ${data.clusters.failure.message}`,
      });
    }
    if (!data.visible.value.has(key)) {
      return incomplete({
        code: 'SubscriptionNotFound',
        message: `Resource Graph does not see subscription '${subscriptionId}': it does not exist, or the credential cannot read it`,
      });
    }
    const clusters: ManagedCluster[] = data.clusters.value.get(key) ?? [];
    // Answered once: the models need not outlive this read.
    data.clusters.value.delete(key);

    const { agentPools, certificateAuthorities } = await readPerCluster({
      containerService: () => this.clients.containerService(subscriptionId),
      clusters,
      concurrency: this.concurrency,
      readCertificateAuthority: this.readCertificateAuthority,
      signal,
      calls,
      errors,
    });

    // Clusters whose every VNet Resource Graph answered, and the others.
    const fromGraph: ClusterNetworkScopes = new Map();
    const fromArm: ClusterNetworkScopes = new Map();
    const vnetKeys = data.network.ok ? data.network.value : new Set<string>();
    for (const cluster of clusters) {
      if (!cluster.id) {
        continue;
      }
      const pools =
        agentPools.get(armIdKey(cluster.id)) ?? cluster.agentPoolProfiles ?? [];
      const subnetIds = pools
        .flatMap(pool => [pool.vnetSubnetID, pool.podSubnetID])
        .filter((id): id is string => Boolean(id?.trim()));
      const answered = subnetIds.every(id =>
        vnetKeys.has(armIdKey(vnetIdOfSubnet(id) ?? id)),
      );
      (answered ? fromGraph : fromArm).set(cluster.id, {
        location: cluster.location,
        subnetIds,
      });
    }
    if (!data.network.ok && fromArm.size > 0) {
      errors.push({
        kind: 'resourceGraph.resources',
        resourceId: `/subscriptions/${subscriptionId}`,
        // Read through ARM instead: no record is partial for this failure alone.
        clusterIds: [],
        ...data.network.failure,
        message: `Resource Graph's network query failed; the VNets and NSGs were read through ARM: ${data.network.failure.message}`,
      });
    }

    await this.readUsages(pass, fromGraph, { signal, calls, errors });
    if (!data.flowLogs.ok && fromGraph.size > 0) {
      errors.push({
        kind: 'resourceGraph.resources',
        part: 'flowLogs',
        resourceId: `/subscriptions/${subscriptionId}`,
        clusterIds: [...fromGraph.keys()],
        ...data.flowLogs.failure,
        message: `Resource Graph's flow logs query failed: ${data.flowLogs.failure.message}`,
      });
    }
    const armNetwork: NetworkResourceIndex | undefined =
      fromArm.size > 0
        ? await readNetworkResources(
            {
              network: id => this.clients.network(id),
              concurrency: this.concurrency,
              signal,
              calls,
              errors,
            },
            fromArm,
          )
        : undefined;

    const unread = unreadPartsByCluster(errors);
    const records = clusters.map(cluster => {
      const clusterKey = cluster.id ? armIdKey(cluster.id) : undefined;
      return mapManagedCluster(cluster, {
        agentPools: clusterKey ? agentPools.get(clusterKey) : undefined,
        network:
          cluster.id && fromArm.has(cluster.id) ? armNetwork : data.index,
        apiServerCertificateAuthority: clusterKey
          ? certificateAuthorities.get(clusterKey)
          : undefined,
        unread: clusterKey ? unread.get(clusterKey) : undefined,
      });
    });
    return {
      subscriptionId,
      clusters: records,
      complete: true,
      errors,
      partialClusterIds: [
        ...new Set(errors.flatMap(error => error.clusterIds)),
      ],
      calls,
      clusterListPages,
    };
  }

  /** One usages call per VNet of the clusters, shared with the pass's other reads. */
  private async readUsages(
    pass: ResourceGraphPass,
    scopes: ClusterNetworkScopes,
    context: Pick<InventoryReadContext, 'signal' | 'calls' | 'errors'>,
  ): Promise<void> {
    const { signal, calls, errors } = context;
    const vnets = new Map<string, { id: string; clusterIds: string[] }>();
    for (const [clusterId, { subnetIds }] of scopes) {
      for (const subnetId of subnetIds) {
        const vnetId = vnetIdOfSubnet(subnetId);
        if (!vnetId) {
          continue;
        }
        const entry = vnets.get(armIdKey(vnetId)) ?? {
          id: vnetId,
          clusterIds: [],
        };
        if (!entry.clusterIds.includes(clusterId)) {
          entry.clusterIds.push(clusterId);
        }
        vnets.set(armIdKey(vnetId), entry);
      }
    }
    await forEachConcurrently(
      [...vnets.values()],
      this.concurrency,
      async vnet => {
        const parts = parseArmResourceId(vnet.id);
        if (!parts) {
          return;
        }
        signal?.throwIfAborted();
        const { started, outcome } = pass.shared.read(
          'virtualNetworks.listUsage',
          vnet.id,
          // Into the pass's index once, by the read that fetched them.
          async () => {
            const read = await collectAll(
              this.clients
                .network(parts.subscriptionId)
                .virtualNetworks.listUsage(
                  parts.resourceGroup,
                  parts.names[0],
                  {
                    abortSignal: signal,
                  },
                ),
            );
            (await pass.data).index.addUsages(read);
            return read;
          },
          signal,
        );
        if (started) {
          calls['virtualNetworks.listUsage'] += 1;
        }
        const result = await outcome;
        if (!result.ok) {
          errors.push({
            kind: 'virtualNetworks.listUsage',
            resourceId: vnet.id,
            clusterIds: vnet.clusterIds,
            ...result.failure,
          });
        }
      },
    );
  }
}

interface InventoryReadContext {
  signal?: AbortSignal;
  calls: ReturnType<typeof emptyCallCounts>;
  errors: InventoryReadError[];
}
