/**
 * The state a posture notification last spoke of, per subject: a cluster's check
 * (`cluster/subscriptions/…/managedclusters/<name>/<check>`, the ARM id lower-cased) or an address pool's
 * (`pool/<pool id>/<check>`). `ok` holds, `bad` does not.
 *
 * @public
 */
export interface NotificationState {
  subject: string;
  state: 'ok' | 'bad';
  /** When the state was last changed (or first stored). */
  changedAt: Date;
}
