import { ArmWaitAbortedError, type ArmAbortSignal } from './abortableSleep';

interface Waiter {
  grant(): void;
  abort(): void;
}

/**
 * A counting semaphore: at most `limit` holders at once, the rest queued in arrival
 * order. A queued caller whose signal aborts leaves the queue at once.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly limit: number) {}

  get inFlight(): number {
    return this.active;
  }

  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }

  /** Resolves with a release function once a slot is free. */
  acquire(signal?: ArmAbortSignal): Promise<() => void> {
    if (signal?.aborted) {
      return Promise.reject(new ArmWaitAbortedError());
    }
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', waiter.abort);
          this.active += 1;
          resolve(this.releaser());
        },
        abort: () => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) {
            this.waiting.splice(index, 1);
          }
          reject(new ArmWaitAbortedError());
        },
      };
      this.waiting.push(waiter);
      signal?.addEventListener('abort', waiter.abort);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      // Idempotent, so a release in both a catch and a finally cannot free two slots.
      if (released) {
        return;
      }
      released = true;
      this.active -= 1;
      this.waiting.shift()?.grant();
    };
  }
}
