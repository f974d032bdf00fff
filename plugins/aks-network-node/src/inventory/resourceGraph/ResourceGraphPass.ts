import type { ManagedCluster } from '@azure/arm-containerservice';
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { armIdKey, parseArmResourceId } from '../../mapping/armResourceId';
import { NetworkResourceIndex } from '../../mapping/NetworkResourceIndex';
import { Outcome, settle, SharedReads } from '../SharedReads';
import {
  queryResourceGraph,
  RESOURCE_GRAPH_QUERIES,
  ResourceGraphRow,
} from './queryResourceGraph';
import { SdkModels } from './sdkModels';

/** What one pass's queries answered, for every subscription of the pass. */
export interface PassData {
  /** Subscriptions (lower case) Resource Graph reads for this credential. */
  visible: Outcome<Set<string>>;
  /** Managed clusters by subscription (lower case), in id order. */
  clusters: Outcome<Map<string, ManagedCluster[]>>;
  /** VNets (with subnets) and NSGs went into `index`; the VNets' `armIdKey`s. */
  network: Outcome<Set<string>>;
  /** Flow logs went into `index`. */
  flowLogs: Outcome<true>;
  index: NetworkResourceIndex;
  /** Query pages of the managed clusters query. */
  clusterPages: number;
}

function typeOf(row: ResourceGraphRow): string {
  return String(row.type ?? '').toLowerCase();
}

/**
 * One inventory pass over Resource Graph: the four queries across every subscription
 * of the pass, run once and shared by the subscriptions' reads, and the VNet usages
 * (the one thing Resource Graph does not hold), each VNet's read once however many
 * subscriptions' clusters use it.
 */
export class ResourceGraphPass {
  readonly startedAt: number;
  readonly subscriptionKeys: Set<string>;
  private readonly served = new Set<string>();
  /**
   * The VNets' usages, each read once for every subscription of the pass; its index
   * holds all the pass read.
   */
  readonly shared = new SharedReads();
  /** Query pages answered so far; charged once, to the first read that asks. */
  private pages = 0;
  private pagesCharged = 0;
  readonly data: Promise<PassData>;

  constructor(
    options: {
      client: ResourceGraphClient;
      models: SdkModels;
      subscriptionIds: string[];
      pageSize: number;
      signal?: AbortSignal;
    },
    now: number,
  ) {
    this.startedAt = now;
    this.subscriptionKeys = new Set(
      options.subscriptionIds.map(id => id.toLowerCase()),
    );
    this.data = this.run(options);
    // A pass nobody awaits yet must not be an unhandled rejection.
    this.data.catch(() => undefined);
  }

  /** Whether a read of `subscriptionId` may be answered from this pass. */
  serves(subscriptionId: string, now: number, maxAgeMs: number): boolean {
    const key = subscriptionId.toLowerCase();
    return (
      this.subscriptionKeys.has(key) &&
      !this.served.has(key) &&
      now - this.startedAt < maxAgeMs
    );
  }

  /** Marks `subscriptionId` as answered: asking again starts a fresh pass. */
  take(subscriptionId: string): void {
    this.served.add(subscriptionId.toLowerCase());
  }

  /** Every subscription of the pass was answered: nothing more will come from it. */
  done(): boolean {
    return [...this.subscriptionKeys].every(key => this.served.has(key));
  }

  /** Query pages not yet charged to a read's call counts. */
  takePages(): number {
    const pages = this.pages - this.pagesCharged;
    this.pagesCharged = this.pages;
    return pages;
  }

  private async run(options: {
    client: ResourceGraphClient;
    models: SdkModels;
    subscriptionIds: string[];
    pageSize: number;
    signal?: AbortSignal;
  }): Promise<PassData> {
    const { client, models, subscriptionIds, pageSize, signal } = options;
    const index = this.shared.index;
    let clusterPages = 0;
    const query = (text: string, onPage?: () => void) =>
      queryResourceGraph(client, text, subscriptionIds, {
        pageSize,
        signal,
        onPage: () => {
          this.pages += 1;
          onPage?.();
        },
      });

    const [visible, clusters, network, flowLogs] = await Promise.all([
      settle(signal, async () => {
        const { rows } = await query(RESOURCE_GRAPH_QUERIES.subscriptions);
        return new Set(
          rows.map(row => String(row.subscriptionId ?? '').toLowerCase()),
        );
      }),
      settle(signal, async () => {
        const { rows } = await query(
          RESOURCE_GRAPH_QUERIES.managedClusters,
          () => {
            clusterPages += 1;
          },
        );
        const bySubscription = new Map<string, ManagedCluster[]>();
        for (const cluster of await models.managedClusters(rows)) {
          const subscription = parseArmResourceId(
            cluster.id,
          )?.subscriptionId.toLowerCase();
          if (subscription) {
            const list = bySubscription.get(subscription) ?? [];
            list.push(cluster);
            bySubscription.set(subscription, list);
          }
        }
        return bySubscription;
      }),
      settle(signal, async () => {
        const { rows } = await query(RESOURCE_GRAPH_QUERIES.network);
        const vnetRows = rows.filter(
          row => typeOf(row) === 'microsoft.network/virtualnetworks',
        );
        const nsgRows = rows.filter(
          row => typeOf(row) === 'microsoft.network/networksecuritygroups',
        );
        const vnetKeys = new Set<string>();
        for (const vnet of await models.virtualNetworks(vnetRows)) {
          index.addVirtualNetwork(vnet);
          if (vnet.id) {
            vnetKeys.add(armIdKey(vnet.id));
          }
        }
        for (const nsg of await models.networkSecurityGroups(nsgRows)) {
          index.addNetworkSecurityGroup(nsg);
        }
        return vnetKeys;
      }),
      settle(signal, async () => {
        const { rows } = await query(RESOURCE_GRAPH_QUERIES.flowLogs);
        index.addFlowLogs(await models.flowLogs(rows));
        return true as const;
      }),
    ]);
    return { visible, clusters, network, flowLogs, index, clusterPages };
  }
}
