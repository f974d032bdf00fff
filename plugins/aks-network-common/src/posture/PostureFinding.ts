import { DeclaredControl, UnreadClusterPart } from '../cluster';
import { NetworkModelClassification } from '../model';

/**
 * Outcome of one posture check: `pass` (fine), `warn` (works, but needs attention),
 * `fail` (the gap is there), `unknown` (what the check needs could not be read, or is
 * not visible to Azure: DOMAIN_FACTS.verdictNeedsData).
 *
 * @public
 */
export type PostureStatus = 'pass' | 'warn' | 'fail' | 'unknown';

/**
 * Every {@link PostureStatus}, worst first as the cards order them.
 *
 * @public
 */
export const POSTURE_STATUSES: readonly PostureStatus[] = [
  'fail',
  'unknown',
  'warn',
  'pass',
];

/**
 * A compensating control declared for the cluster, as a finding lists it: the tool, its
 * name as shown, and where it was declared. Declared, not verified.
 *
 * @public
 */
export interface PostureDeclaredControl extends DeclaredControl {
  /** The tool's name as shown (`FLOW_EXPORT_TOOLS`), e.g. `Tetragon`. */
  name: string;
}

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
  /** The domain fact (docs/domain.md) the check rests on. */
  fact: string;
  /** What to do about it; empty when nothing is to be done. */
  remediation: string;
  /** ARM id of what the finding is about when it is not the cluster (a subnet, an NSG). */
  resourceId?: string;
  /** With `unknown`: what could not be read, and when it last was. */
  unread?: UnreadClusterPart[];
  /**
   * The flow export the organisation declares for the cluster where it bears on the
   * check (same-node visibility, history): declared, never verified, so the status is
   * at best `warn` unless Azure itself reports a pass (docs/domain.md#declared-controls).
   */
  declaredControls?: PostureDeclaredControl[];
  /**
   * What Azure itself reports, where a declaration turned the status into a warning
   * (absent otherwise: then `status` is Azure's). What the summary and the owners'
   * notifications go by: a declaration is never counted as verified.
   */
  azureStatus?: PostureStatus;
}

/**
 * The three things security wants kept (docs/domain.md#security-goals: "egress/ingress still monitored, pod-to-pod
 * on the same node observable, and a history of communications").
 *
 * @public
 */
export interface PostureSummary {
  /**
   * Flow logs cover the node subnets (NSG flow logs count until they retire); null when
   * unknown.
   */
  egressIngressMonitored: boolean | null;
  /** Same-node pod-to-pod traffic is observable; null when unknown. */
  samePodToPodVisible: boolean | null;
  /**
   * Flow records are kept (retention, traffic analytics or container network logs);
   * null when unknown.
   */
  historyKept: boolean | null;
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
  /**
   * ACNS for the cluster's current nodes, per month (what closing the gaps costs); null
   * where ACNS cannot run (kubenet, a BYO CNI, an unknown model).
   */
  acnsMonthlyCostUsd: number | null;
}
