import { readOptionalTimestamp } from './columnValues';

/**
 * When a subscription was last read, without a write per subscription per run.
 *
 * A sync run writes a subscription's row only when what it learned differs from what
 * the row holds (status, error, name: `subscriptionReadChanged`); a subscription read
 * as before keeps its row, and the run says when it was read. That holds because a run
 * that ends `succeeded` or `partial` has read every subscription it was given, and
 * marks a stored subscription it was no longer given as failed ("no longer read"). So
 * for a subscription whose row says `succeeded` or `incomplete`, every such run since
 * that row was written read it with that outcome, and the newest one is its last read:
 * taken as that run's start, the earliest the read can have been. A run that stopped
 * (aborted, the database lost) ends `failed` and covers nothing: its subscriptions
 * keep the time of their last written or covered read.
 */
export const COVERING_RUN_STATUSES = ['succeeded', 'partial'] as const;

/** The covered subscription states: read, and read as before, by every covering run. */
const COVERED_STATES = new Set(['succeeded', 'incomplete']);

/** The newest covering run's start, as a scalar subquery (no user input in it). */
export const COVERING_RUN_STARTED_AT = `select max(r.started_at) from sync_runs r where r.finished_at is not null and r.status in (${COVERING_RUN_STATUSES.map(
  status => `'${status}'`,
).join(', ')})`;

/** A subscription's last listing as the row and the covering run tell it. */
export interface SubscriptionListingColumns {
  subscription_listed_at?: unknown;
  subscription_status?: unknown;
  covering_run_started_at?: unknown;
}

function later(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) {
    return b;
  }
  return b && b > a ? b : a;
}

/**
 * The later of the listing the subscription row records and, for a covered
 * subscription, the newest covering run's start.
 */
export function subscriptionListedAt(
  columns: SubscriptionListingColumns,
): Date | undefined {
  const recorded = readOptionalTimestamp(columns.subscription_listed_at);
  if (!COVERED_STATES.has(String(columns.subscription_status ?? ''))) {
    return recorded;
  }
  return later(
    recorded,
    readOptionalTimestamp(columns.covering_run_started_at),
  );
}

/**
 * The subscription's last read and last success: the row's, or the newest covering
 * run's start when that is later and the subscription is covered.
 */
export function subscriptionReadTimes(row: {
  status: string | null;
  last_read_at: unknown;
  last_succeeded_at: unknown;
  covering_run_started_at?: unknown;
}): { lastReadAt?: Date; lastSucceededAt?: Date } {
  const covered = COVERED_STATES.has(String(row.status ?? ''))
    ? readOptionalTimestamp(row.covering_run_started_at)
    : undefined;
  return {
    lastReadAt: later(readOptionalTimestamp(row.last_read_at), covered),
    lastSucceededAt: later(
      readOptionalTimestamp(row.last_succeeded_at),
      row.status === 'succeeded' ? covered : undefined,
    ),
  };
}

/** What a run compares to decide whether a subscription's row must be written. */
export interface SubscriptionReadState {
  status?: 'succeeded' | 'incomplete' | 'failed';
  error?: string;
  displayName?: string;
}

/**
 * Whether a run's read of a subscription must be written: it is new, its outcome or
 * name changed, or it failed (a failed read is written each time, so its last attempt
 * is known; failures are rare, a fleet's unchanged sync writes none).
 */
export function subscriptionReadChanged(
  stored: SubscriptionReadState | undefined,
  read: SubscriptionReadState,
): boolean {
  if (!stored || read.status === 'failed' || stored.status !== read.status) {
    return true;
  }
  if ((stored.error ?? '') !== (read.error ?? '')) {
    return true;
  }
  // A read without a name (a configured bare id) keeps the stored one.
  return (
    read.displayName !== undefined && read.displayName !== stored.displayName
  );
}
