import { NetworkModelClassification } from '../model';

/**
 * Outcome of one posture check: `pass` (fine), `warn` (works, but needs attention or
 * cannot be shown), `fail` (the gap is there).
 *
 * @public
 */
export type PostureStatus = 'pass' | 'warn' | 'fail';

/**
 * One posture check on one cluster, written for the component page card.
 *
 * @public
 */
export interface PostureFinding {
  /** Stable id of the check, e.g. `same-node-pod-to-pod-visible`. */
  id: string;
  status: PostureStatus;
  /** Short, e.g. "Same-node pod-to-pod traffic is visible". */
  title: string;
  /** What was found, naming the resources and values. */
  detail: string;
  /** The DESIGN domain fact the check rests on. */
  fact: string;
  /** What to do about it; empty when nothing is to be done. */
  remediation: string;
  /** ARM id of what the finding is about when it is not the cluster (a subnet, an NSG). */
  resourceId?: string;
}

/**
 * The three things security wants kept (DESIGN: "egress/ingress still monitored, pod-to-pod
 * on the same node observable, and a history of communications").
 *
 * @public
 */
export interface PostureSummary {
  /** Flow logs cover the node subnets (NSG flow logs count until they retire). */
  egressIngressMonitored: boolean;
  /** Same-node pod-to-pod traffic is observable, as far as the plugin can show. */
  samePodToPodVisible: boolean;
  /** Flow records are kept (retention, traffic analytics or container network logs). */
  historyKept: boolean;
}

/**
 * Network posture of one cluster.
 *
 * @public
 */
export interface ClusterPosture {
  clusterId: string;
  classification: NetworkModelClassification;
  findings: PostureFinding[];
  summary: PostureSummary;
  /** ACNS for the cluster's current nodes, per month (what closing the gaps costs). */
  acnsMonthlyCostUsd: number;
}
