import type { ApiSubscription } from '@aks-network/plugin-aks-network-common';
import { formatCount, formatTime } from '../components/network/labels';
import type { StatusSeverity } from './StatusText';

/** How people name a subscription: Azure's display name, or its id when Azure gave none. */
export function subscriptionLabel(subscription: ApiSubscription): string {
  return subscription.displayName?.trim() || subscription.subscriptionId;
}

function clusters(count: number) {
  return `${formatCount(count)} cluster${count === 1 ? '' : 's'}`;
}

/**
 * How the inventory's last read of a subscription went, in words. A failed or
 * incomplete read is said outright: the clusters and VNets known of that subscription
 * may be out of date, which matters when a cluster is planned against it.
 */
export function subscriptionReadStatus(subscription: ApiSubscription): {
  severity: StatusSeverity;
  text: string;
} {
  const { status, error, lastReadAt, lastSucceededAt, clusterCount } =
    subscription;
  const lastFull = lastSucceededAt
    ? `; last read in full ${formatTime(lastSucceededAt)}`
    : '; never read in full';
  switch (status) {
    case 'succeeded':
      return {
        severity: 'ok',
        text: `Read in full${
          lastReadAt ? ` ${formatTime(lastReadAt)}` : ''
        } · ${clusters(clusterCount)}`,
      };
    case 'incomplete':
      return {
        severity: 'warning',
        text: `Incomplete read${
          lastReadAt ? ` ${formatTime(lastReadAt)}` : ''
        }: ${error ?? 'part of it could not be read'}${lastFull}`,
      };
    case 'failed':
      return {
        severity: 'error',
        text: `Last read failed${
          lastReadAt ? ` ${formatTime(lastReadAt)}` : ''
        }: ${error ?? 'no reason was given'}${lastFull}`,
      };
    default:
      return {
        severity: 'warning',
        text: 'Not read yet: the inventory has not synced it',
      };
  }
}
