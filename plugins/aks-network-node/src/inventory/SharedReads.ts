import { armIdKey } from '../mapping/armResourceId';
import { NetworkResourceIndex } from '../mapping/NetworkResourceIndex';
import type { InventoryCallKind } from './InventoryCallCounts';
import { describeArmFailure, InventoryReadError } from './InventoryReadError';

/**
 * Why a read failed, as an inventory error states it.
 *
 * @public
 */
export type ReadFailure = Pick<
  InventoryReadError,
  'code' | 'statusCode' | 'message'
>;

/**
 * A read's value, or why it failed.
 *
 * @public
 */
export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; failure: ReadFailure };

/**
 * Runs `read` and keeps its failure as a value. An abort is not a failure of the read:
 * it propagates, so a cancelled read never looks like a complete one.
 */
export async function settle<T>(
  signal: AbortSignal | undefined,
  read: () => Promise<T>,
): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    signal?.throwIfAborted();
    return { ok: false, failure: describeArmFailure(error) };
  }
}

/**
 * The reads of one inventory pass that several subscriptions' reads need: a hub VNet
 * (and its usages, NSGs, its subscription's Network Watchers and their flow logs) that
 * clusters of many subscriptions use. Each is read once, on first ask, and its outcome
 * (value or failure) is handed to every read of the pass that asks after; each of
 * those records a failure against its own clusters.
 *
 * One instance serves one pass and is then dropped: `ClusterInventorySync` makes one per
 * run, and a read given none (a single cluster's refresh) reads everything itself, so
 * nothing it answers is older than the pass that asked.
 *
 * @public
 */
export class SharedReads {
  /**
   * What the pass's network reads returned, indexed once by the read that fetched it
   * (adding a hub VNet's 125 subnet usages once per subscription was the sync's largest
   * allocation at fleet scale).
   */
  readonly index = new NetworkResourceIndex();
  private readonly outcomes = new Map<string, Promise<Outcome<unknown>>>();

  /**
   * The outcome of `kind` on `resourceId`: read now if this pass has not read it yet,
   * else the earlier read's. `started` says whether this ask sent the call, so a
   * read's call counts add up to the calls the pass made.
   */
  read<T>(
    kind: InventoryCallKind,
    resourceId: string,
    read: () => Promise<T>,
    signal: AbortSignal | undefined,
  ): { started: boolean; outcome: Promise<Outcome<T>> } {
    const key = `${kind} ${armIdKey(resourceId)}`;
    const known = this.outcomes.get(key);
    if (known) {
      return { started: false, outcome: known as Promise<Outcome<T>> };
    }
    const outcome = settle(signal, read);
    // Aborted: forget it, so a later ask (under a signal still live) reads again.
    outcome.catch(() => {
      if (this.outcomes.get(key) === outcome) {
        this.outcomes.delete(key);
      }
    });
    this.outcomes.set(key, outcome);
    return { started: true, outcome };
  }

  /** Reads held (for tests and the benchmark). */
  get size(): number {
    return this.outcomes.size;
  }
}
