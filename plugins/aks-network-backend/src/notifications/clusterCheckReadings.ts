import {
  fullestSubnetUse,
  securityCheckHolds,
} from '@aks-network/plugin-aks-network-common';
import type { FleetInventoryCluster } from '../model';
import type {
  NotificationSettings,
  NotifiedClusterCheck,
} from './notificationSettings';

/** What one sync found of one check of one cluster. */
export interface CheckReading {
  check: NotifiedClusterCheck;
  state: 'ok' | 'bad';
  /** What the figures say, for the notification's text. */
  found: string;
}

/** The security checks, read as the posture summary reads them. */
const SECURITY_CHECKS = [
  'egressIngressMonitored',
  'historyKept',
  'samePodToPodVisible',
] as const;

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/**
 * The readings of a cluster's notified checks from its fleet figures (no record read):
 * one per enabled check whose data was read.
 */
export function clusterCheckReadings(
  cluster: FleetInventoryCluster,
  settings: Pick<NotificationSettings, 'checks' | 'fillThreshold'>,
): CheckReading[] {
  const { figures } = cluster;
  const readings: CheckReading[] = [];
  const threshold = settings.fillThreshold;

  const subnet = fullestSubnetUse([
    ...figures.nodeSubnets,
    ...figures.podSubnets,
  ]);
  if (settings.checks.nodeSubnetFill && subnet) {
    const { use, ratio } = subnet;
    readings.push({
      check: 'nodeSubnetFill',
      state: ratio >= threshold ? 'bad' : 'ok',
      found: `${use.role} subnet ${use.name} (${
        use.addressPrefix
      }) is ${percent(ratio)} full with an upgrade's surge: ${
        use.used
      } IPs used and ${use.surgeIps} for surge nodes of ${
        use.usable
      } usable (notified from ${percent(threshold)})`,
    });
  }

  const pod = figures.podCidr;
  if (settings.checks.podCidrFill && pod && pod.capacityNodes > 0) {
    const ratio = (pod.nodes + pod.surgeNodes) / pod.capacityNodes;
    readings.push({
      check: 'podCidrFill',
      state: ratio >= threshold ? 'bad' : 'ok',
      found: `pod CIDR ${pod.cidr} is ${percent(
        ratio,
      )} full with an upgrade's surge: ${pod.nodes} nodes and ${
        pod.surgeNodes
      } surge nodes of the ${
        pod.capacityNodes
      } it holds (notified from ${percent(threshold)})`,
    });
  }

  for (const check of SECURITY_CHECKS) {
    // Azure's own verdict where a declared control made it a warning: a declaration
    // is never counted as verified. Unknown is no reading: a verdict needs data
    // (docs/domain.md#verdict-needs-data), so a check that could not be read neither
    // turns worse nor recovers.
    const status = figures.azureChecks?.[check] ?? figures.checks[check];
    const holds = securityCheckHolds(check, status);
    if (settings.checks[check] && holds !== null) {
      readings.push({
        check,
        state: holds ? 'ok' : 'bad',
        found: `the check is ${status}`,
      });
    }
  }

  if (settings.checks.stale) {
    readings.push({
      check: 'stale',
      state: cluster.stale ? 'bad' : 'ok',
      found: cluster.stale
        ? `its subscription could not be read since ${cluster.stale.since.toISOString()}: ${
            cluster.stale.error
          }`
        : 'its subscription was read',
    });
  }
  return readings;
}
