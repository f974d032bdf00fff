import {
  armResourceName,
  ClusterNetworkPart,
  UnreadClusterPart,
} from '../cluster';
import { DOMAIN_FACTS } from '../facts';
import { PostureFinding } from './PostureFinding';

/** How a sentence names each part, before the resource's name. */
const PART_WORDS: Record<ClusterNetworkPart, string> = {
  vnet: 'VNet',
  subnet: 'subnet',
  subnetUsage: 'IP use (VNet usages) of',
  nsg: 'NSG',
  flowLogs: 'flow logs of',
};

/**
 * What a sentence calls an unread resource: its name, or "subscription <id>" where the
 * read was of a whole subscription (the Network Watcher listing), whose last segment
 * alone is a bare GUID.
 */
function resourceWords(resourceId: string): string {
  const subscription = /^\/subscriptions\/([^/]+)\/?$/i.exec(resourceId);
  return subscription
    ? `subscription ${subscription[1]}`
    : armResourceName(resourceId);
}

/** `2026-11-30T08:00:00.000Z` → `2026-11-30 08:00 UTC`. */
function formatReadAt(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime())
    ? iso
    : `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * One unread part in words: what, why, and when it was last read, e.g. "NSG nsg-aks
 * (AuthorizationFailed, HTTP 403: …; last read 2026-11-30 08:00 UTC)".
 *
 * @public
 */
export function describeUnreadPart(entry: UnreadClusterPart): string {
  const when = entry.lastReadAt
    ? `last read ${formatReadAt(entry.lastReadAt)}`
    : 'never read';
  return `${PART_WORDS[entry.part]} ${resourceWords(entry.resourceId)} (${
    entry.error
  }; ${when})`;
}

function denied(entry: UnreadClusterPart): boolean {
  return /AuthorizationFailed|HTTP 403/.test(entry.error);
}

/** The VNet AKS creates in the node resource group: named by the group, not read. */
function managedVnet(entry: UnreadClusterPart): boolean {
  return entry.part === 'vnet' && !/\/providers\//i.test(entry.resourceId);
}

/**
 * What to do: check the AKS-managed VNet by hand, grant read access where ARM said
 * 403, else refresh once Azure answers.
 */
function readRemediation(unread: readonly UnreadClusterPart[]): string {
  if (unread.some(managedVnet)) {
    return "Check the AKS-managed VNet in the node resource group by hand, or put the cluster's pools on a subnet of a VNet of your own, which the inventory reads.";
  }
  const forbidden = unread.filter(denied);
  if (forbidden.length > 0) {
    return `Give the inventory's identity read access (Reader) to ${[
      ...new Set(forbidden.map(entry => resourceWords(entry.resourceId))),
    ].join(', ')}, then refresh the cluster.`;
  }
  return 'Refresh the cluster once Azure answers; if the read keeps failing, check the inventory can read these resources.';
}

/**
 * The finding of a check whose inputs could not be read: `unknown`, naming each unread
 * part, never pass or fail (DOMAIN_FACTS.verdictNeedsData).
 */
export function unknownVerdict(
  base: { id: string; fact: string; resourceId?: string },
  title: string,
  unread: readonly UnreadClusterPart[],
): PostureFinding {
  return {
    ...base,
    fact: `${base.fact} ${DOMAIN_FACTS.verdictNeedsData}`,
    status: 'unknown',
    title,
    detail: `Not read: ${unread.map(describeUnreadPart).join('; ')}.`,
    remediation: readRemediation(unread),
    unread: [...unread],
  };
}
