import {
  AddressPoolCapacity,
  assessClusterPosture,
  errorMessage,
  logSafe,
  normaliseArmId,
  SECURITY_CHECK_FINDING_IDS,
} from '@aks-network/plugin-aks-network-common';
import { clusterEntityRef } from '@aks-network/plugin-aks-network-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { AksNetworkStore } from '../database/AksNetworkStore';
import type {
  AddressPool,
  FleetInventoryCluster,
  NotificationState,
  SyncRun,
} from '../model';
import { ownerEntityRef } from '../permissions/ownerClaims';
import { CheckReading, clusterCheckReadings } from './clusterCheckReadings';
import type { NotificationSettings } from './notificationSettings';
import { CLUSTER_CHECK_TEXTS, sentence } from './notificationTexts';

/** Fleet rows read a query: the fleet route's most. */
const FLEET_PAGE = 500;

/** Where the fleet page and its address pools card are in the app. */
const FLEET_PAGE_PATH = '/aks-network';

/**
 * Options of {@link PostureNotifier}.
 *
 * @public
 */
export interface PostureNotifierOptions {
  store: AksNetworkStore;
  notifications: NotificationService;
  settings: NotificationSettings;
  logger: LoggerService;
  /** A pool's free node subnets now (reads its VNet). */
  poolCapacity: (pool: AddressPool) => Promise<AddressPoolCapacity>;
  /** The clock (tests). */
  now?: () => Date;
}

/** One subject's reading, with what to say when it changes. */
interface SubjectReading {
  subject: string;
  state: 'ok' | 'bad';
  /** Builds the notification; called only when the state changed. */
  notify: () => Promise<
    { recipients: string[]; payload: NotificationPayload } | undefined
  >;
}

/**
 * What a cluster's subjects start with: its id lower-cased, as ARM compares ids
 * (`cluster/subscriptions/…/managedclusters/<name>/`).
 */
function clusterSubjectPrefix(clusterId: string): string {
  return `cluster${normaliseArmId(clusterId)}/`;
}

function clusterSubject(clusterId: string, check: string): string {
  return `${clusterSubjectPrefix(clusterId)}${check}`;
}

/** What a subject is of: `cluster/<id>/` or `pool/<id>/` (checks hold no `/`). */
function subjectOwner(subject: string): string {
  return subject.slice(0, subject.lastIndexOf('/') + 1);
}

function poolSubject(poolId: string): string {
  return `pool/${poolId}/free-subnets`;
}

/** The app's path of an entity's page, as the catalog's entity route spells it. */
function entityPagePath(entityRef: string): string {
  const ref = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
    ref.kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(ref.name)}`;
}

/**
 * Tells owners when a cluster's check turns worse or recovers, and the platform group
 * when an address pool runs low, after each sync (`aksNetwork.notifications`;
 * docs/domain.md#owner-notifications).
 *
 * Each subject (a cluster's check, a pool) keeps the state the last notification spoke
 * of in the store. A reading that differs from it sends one notification and stores
 * the new state; the same reading sends nothing, so a check that stays failed is told
 * once and its recovery once. A subject with no stored state is stored silently: a
 * fresh inventory's first sync, and each cluster or pool seen for the first time, sends
 * nothing. A check whose data was not read (unknown) is no reading and changes nothing.
 *
 * The notification's `scope` and `topic` are the subject: the notifications backend
 * replaces an earlier notification of the same scope rather than adding one, and a user
 * may mute one cluster's check in their notification settings.
 *
 * @public
 */
export class PostureNotifier {
  private readonly store: AksNetworkStore;
  private readonly notifications: NotificationService;
  private readonly settings: NotificationSettings;
  private readonly logger: LoggerService;
  private readonly poolCapacity: PostureNotifierOptions['poolCapacity'];
  private readonly now: () => Date;

  constructor(options: PostureNotifierOptions) {
    this.store = options.store;
    this.notifications = options.notifications;
    this.settings = options.settings;
    this.logger = options.logger;
    this.poolCapacity = options.poolCapacity;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Compares every cluster's checks and every pool's free subnets with what was last
   * told, after a sync run. A run that failed part-way is skipped: the inventory may be
   * half read.
   */
  async afterSync(run: SyncRun): Promise<void> {
    if (!this.settings.enabled || run.status === 'failed') {
      return;
    }
    const stored = new Map(
      (await this.store.listNotificationStates()).map(state => [
        state.subject,
        state,
      ]),
    );
    const readings: SubjectReading[] = [];
    const seen = new Set<string>();

    const clusters = await this.allFleetClusters();
    for (const cluster of clusters) {
      seen.add(clusterSubjectPrefix(cluster.id));
      for (const reading of clusterCheckReadings(cluster, this.settings)) {
        readings.push(this.clusterReading(cluster, reading));
      }
    }
    if (this.settings.addressPools.enabled) {
      for (const pool of await this.store.listAddressPools()) {
        seen.add(`pool/${pool.id}/`);
        const reading = await this.poolReading(pool);
        if (reading) {
          readings.push(reading);
        }
      }
    }

    const at = this.now();
    const changed: NotificationState[] = [];
    let sent = 0;
    for (const reading of readings) {
      const before = stored.get(reading.subject);
      if (before?.state === reading.state) {
        continue;
      }
      if (before && !(await this.send(reading))) {
        // Not told: the next sync tries again.
        continue;
      }
      sent += before ? 1 : 0;
      changed.push({
        subject: reading.subject,
        state: reading.state,
        changedAt: at,
      });
    }
    // A cluster or pool that is gone takes its states with it.
    const removed = [...stored.keys()].filter(
      subject =>
        !seen.has(subjectOwner(subject)) &&
        (subject.startsWith('cluster/') ||
          (subject.startsWith('pool/') && this.settings.addressPools.enabled)),
    );
    await this.store.saveNotificationStates(changed, removed);
    if (sent > 0) {
      this.logger.info(
        `AKS network notifications after sync ${run.id}: ${sent} sent`,
      );
    }
  }

  private async allFleetClusters(): Promise<FleetInventoryCluster[]> {
    const clusters: FleetInventoryCluster[] = [];
    for (let offset = 0; ; offset += FLEET_PAGE) {
      const page = await this.store.listFleetClusters({
        limit: FLEET_PAGE,
        offset,
      });
      clusters.push(...page.items);
      if (
        page.items.length < FLEET_PAGE ||
        clusters.length >= page.totalCount
      ) {
        return clusters;
      }
    }
  }

  private clusterReading(
    cluster: FleetInventoryCluster,
    reading: CheckReading,
  ): SubjectReading {
    return {
      subject: clusterSubject(cluster.id, reading.check),
      state: reading.state,
      notify: async () => {
        const owner = ownerEntityRef(cluster.owner);
        if (!owner) {
          this.logger.info(
            `AKS cluster ${logSafe(cluster.name)}: ${
              CLUSTER_CHECK_TEXTS[reading.check].label
            } changed, but the cluster has no owner to tell`,
          );
          return undefined;
        }
        const texts = CLUSTER_CHECK_TEXTS[reading.check];
        const worse = reading.state === 'bad';
        const subject = clusterSubject(cluster.id, reading.check);
        return {
          recipients: [owner],
          payload: {
            title: `${cluster.name}: ${worse ? texts.worse : texts.recovered}`,
            description: await this.clusterReason(cluster, reading),
            link: entityPagePath(clusterEntityRef(cluster)),
            severity: worse ? 'high' : 'normal',
            topic: `${cluster.name} · ${texts.label}`,
            scope: subject,
          },
        };
      },
    };
  }

  /**
   * Why, in the posture's own words for the security checks (the finding's detail and
   * what to do), else what the figures say.
   */
  private async clusterReason(
    cluster: FleetInventoryCluster,
    reading: CheckReading,
  ): Promise<string> {
    const findingId =
      reading.check in SECURITY_CHECK_FINDING_IDS
        ? SECURITY_CHECK_FINDING_IDS[
            reading.check as keyof typeof SECURITY_CHECK_FINDING_IDS
          ]
        : undefined;
    if (findingId) {
      const [stored] = await this.store.getClusters([cluster.id]);
      const finding =
        stored &&
        assessClusterPosture(stored.record, { now: this.now() }).findings.find(
          entry => entry.id === findingId,
        );
      if (finding) {
        return [finding.title, finding.detail, finding.remediation]
          .filter(Boolean)
          .map(sentence)
          .join(' ');
      }
    }
    return sentence(reading.found);
  }

  private async poolReading(
    pool: AddressPool,
  ): Promise<SubjectReading | undefined> {
    const { minFreeSubnets, recipients } = this.settings.addressPools;
    let capacity: AddressPoolCapacity;
    try {
      capacity = await this.poolCapacity(pool);
    } catch (error) {
      this.logger.warn(
        `Reading the capacity of address pool ${logSafe(
          pool.id,
        )} failed: ${logSafe(errorMessage(error))}`,
      );
      return undefined;
    }
    if ('error' in capacity) {
      // Not read: no count, no verdict.
      return undefined;
    }
    const low = capacity.freeSubnets < minFreeSubnets;
    const subject = poolSubject(pool.id);
    return {
      subject,
      state: low ? 'bad' : 'ok',
      notify: async () => {
        if (recipients.length === 0) {
          this.logger.info(
            `Address pool ${logSafe(pool.id)} ${
              low ? 'runs low' : 'has room again'
            }, but aksNetwork.notifications.addressPools.recipients names no one`,
          );
          return undefined;
        }
        const free = `${capacity.freeSubnets} free /${pool.subnetPrefix} node subnet(s) of ${capacity.totalSubnets} in ${pool.range} (${pool.vnetName}, ${pool.region})`;
        return {
          recipients,
          payload: {
            title: low
              ? `Address pool ${pool.id} is running out of node subnets`
              : `Address pool ${pool.id} has room again`,
            description: low
              ? `${free}, below the ${minFreeSubnets} the platform keeps. Add a range to the VNet and a pool for it, or release reservations that are not used.`
              : `${free}, at least the ${minFreeSubnets} the platform keeps.`,
            link: FLEET_PAGE_PATH,
            severity: low ? 'high' : 'normal',
            topic: `address pool ${pool.id} · free node subnets`,
            scope: subject,
          },
        };
      },
    };
  }

  /** Sends a changed reading's notification; false when it could not be sent. */
  private async send(reading: SubjectReading): Promise<boolean> {
    try {
      const notification = await reading.notify();
      if (notification) {
        await this.notifications.send({
          recipients: { type: 'entity', entityRef: notification.recipients },
          payload: notification.payload,
        });
      }
      return true;
    } catch (error) {
      this.logger.warn(
        `Sending the AKS network notification of ${logSafe(
          reading.subject,
        )} failed; the next sync tries again: ${logSafe(errorMessage(error))}`,
      );
      return false;
    }
  }
}
