import {
  AddressPoolCapacity,
  assessClusterPosture,
  errorMessage,
  logSafe,
  normaliseArmId,
  PostureFinding,
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

/** A finding of a cluster's posture as assessed now, by cluster id and finding id. */
type FindingOf = (
  clusterId: string,
  findingId: string,
) => PostureFinding | undefined;

/** One subject's reading, with what to say when it changes. */
interface SubjectReading {
  subject: string;
  state: 'ok' | 'bad';
  /** The cluster whose posture the notification words its reason by, if any. */
  reasonFromPostureOf?: string;
  /** Builds the notification; called only when the state changed. */
  notify: (
    findingOf: FindingOf,
  ) => { recipients: string[]; payload: NotificationPayload } | undefined;
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

/** The finding a security check is, by which its notification words the reason. */
function securityFindingId(check: CheckReading['check']): string | undefined {
  return check in SECURITY_CHECK_FINDING_IDS
    ? SECURITY_CHECK_FINDING_IDS[
        check as keyof typeof SECURITY_CHECK_FINDING_IDS
      ]
    : undefined;
}

/**
 * Why, in the posture's own words for the security checks (the finding's title, detail
 * and what to do), else what the figures say.
 */
function clusterReason(
  reading: CheckReading,
  finding: PostureFinding | undefined,
): string {
  if (finding) {
    return [finding.title, finding.detail, finding.remediation]
      .filter(Boolean)
      .map(sentence)
      .join(' ');
  }
  return sentence(reading.found);
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
    // A pool's capacity is one VNet read: none when no one would be told.
    const poolsChecked =
      this.settings.addressPools.enabled &&
      this.settings.addressPools.recipients.length > 0;
    if (poolsChecked) {
      const pools = await this.store.listAddressPools();
      for (const pool of pools) {
        seen.add(`pool/${pool.id}/`);
      }
      for (const reading of await Promise.all(
        pools.map(pool => this.poolReading(pool)),
      )) {
        if (reading) {
          readings.push(reading);
        }
      }
    }

    const changes = readings.filter(
      reading => stored.get(reading.subject)?.state !== reading.state,
    );
    // Only a subject told before is told of its change; a new one is stored silently.
    const toTell = changes.filter(reading => stored.has(reading.subject));
    const findingOf = await this.currentFindings(toTell);
    const at = this.now();
    const changed: NotificationState[] = [];
    let sent = 0;
    for (const reading of changes) {
      if (stored.has(reading.subject)) {
        if (!(await this.send(reading, findingOf))) {
          // Not told: the next sync tries again.
          continue;
        }
        sent++;
      }
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
          (subject.startsWith('pool/') && poolsChecked)),
    );
    await this.store.saveNotificationStates(changed, removed);
    if (sent > 0) {
      this.logger.info(
        `AKS network notifications after sync ${run.id}: ${sent} sent`,
      );
    }
  }

  /**
   * The posture, assessed once per cluster, of the clusters whose notifications word
   * their reason by it: one query for all their records.
   */
  private async currentFindings(
    readings: SubjectReading[],
  ): Promise<FindingOf> {
    const ids = [
      ...new Set(
        readings.flatMap(reading =>
          reading.reasonFromPostureOf ? [reading.reasonFromPostureOf] : [],
        ),
      ),
    ];
    const now = this.now();
    const findings = new Map(
      (ids.length > 0 ? await this.store.getClusters(ids) : []).map(cluster => [
        normaliseArmId(cluster.record.id),
        assessClusterPosture(cluster.record, { now }).findings,
      ]),
    );
    return (clusterId, findingId) =>
      findings
        .get(normaliseArmId(clusterId))
        ?.find(finding => finding.id === findingId);
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
    const findingId = securityFindingId(reading.check);
    return {
      subject: clusterSubject(cluster.id, reading.check),
      state: reading.state,
      ...(findingId ? { reasonFromPostureOf: cluster.id } : {}),
      notify: findingOf => {
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
            description: clusterReason(
              reading,
              findingId ? findingOf(cluster.id, findingId) : undefined,
            ),
            link: entityPagePath(clusterEntityRef(cluster)),
            severity: worse ? 'high' : 'normal',
            topic: `${cluster.name} · ${texts.label}`,
            scope: subject,
          },
        };
      },
    };
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
      notify: () => {
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
  private async send(
    reading: SubjectReading,
    findingOf: FindingOf,
  ): Promise<boolean> {
    try {
      const notification = reading.notify(findingOf);
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
