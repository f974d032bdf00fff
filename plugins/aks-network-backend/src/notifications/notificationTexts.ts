import type { NotifiedClusterCheck } from './notificationSettings';

/** What a notification of each cluster check says, worse and recovered. */
export const CLUSTER_CHECK_TEXTS: Record<
  NotifiedClusterCheck,
  { label: string; worse: string; recovered: string }
> = {
  nodeSubnetFill: {
    label: 'subnet fill',
    worse: 'a subnet is filling up',
    recovered: 'its subnets have room again',
  },
  podCidrFill: {
    label: 'pod CIDR fill',
    worse: 'the pod CIDR is filling up',
    recovered: 'the pod CIDR has room again',
  },
  egressIngressMonitored: {
    label: 'egress/ingress monitored',
    worse: 'egress/ingress is no longer monitored',
    recovered: 'egress/ingress is monitored again',
  },
  historyKept: {
    label: 'history kept',
    worse: 'the history of communications is no longer kept',
    recovered: 'a history of communications is kept again',
  },
  samePodToPodVisible: {
    label: 'same-node pod-to-pod visible',
    worse: 'same-node pod-to-pod traffic is no longer visible',
    recovered: 'same-node pod-to-pod traffic is visible again',
  },
  stale: {
    label: 'inventory fresh',
    worse: 'its inventory is stale',
    recovered: 'its inventory is fresh again',
  },
};

/** The first letter in upper case, for a sentence built from a fragment. */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(/\.$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}
