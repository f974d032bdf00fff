import type {
  FleetSortField,
  PostureCheckName,
} from '@aks-network/plugin-aks-network-common';
import { formatCount } from '../network/labels';

/** How the page names each of the three checks security wants. */
export const CHECK_LABELS: Record<
  PostureCheckName,
  { column: string; name: string }
> = {
  egressIngressMonitored: {
    column: 'Egress/ingress',
    name: 'Egress and ingress monitored',
  },
  samePodToPodVisible: {
    column: 'Same-node visible',
    name: 'Same-node pod-to-pod visible',
  },
  historyKept: {
    column: 'History',
    name: 'History of communications kept',
  },
};

/** "1 cluster", "1,204 clusters": a count with its noun, written out. */
export function countOf(count: number, noun: string, plural = `${noun}s`) {
  return `${formatCount(count)} ${count === 1 ? noun : plural}`;
}

/** A ratio as a whole percentage, the way the IP bars print it. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** Each sort of the backend in words, for the line that says how the table is sorted. */
export const SORT_LABELS: Record<FleetSortField, string> = {
  name: 'cluster name',
  networkModel: 'network model',
  region: 'region',
  subscriptionId: 'subscription',
  owner: 'owner',
  nodeCount: 'nodes',
  nodeSubnetUse: 'node subnet use',
  podCapacity: 'pod capacity',
  acnsMonthlyCostUsd: 'ACNS a month',
};
