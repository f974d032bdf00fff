import { RecordedFault } from '../faults/FaultInjector';

/** One ARM call as the simulator saw it. @public */
export interface CallRecord {
  /** Epoch ms when the call arrived. */
  at: number;
  method: string;
  /** Operation name, e.g. `managedClusters.list`; `unknown` when no route matched. */
  kind: string;
  path: string;
  /** HTTP status sent; 0 when the connection was reset. */
  status: number;
  /** The SDK's `x-ms-client-request-id`: the same on every retry of one request. */
  clientRequestId?: string;
  fault?: RecordedFault;
  /** `Retry-After` seconds sent with the answer, if any. */
  retryAfterSeconds?: number;
}

/** Counts of ARM calls. @public */
export interface CallCounts {
  total: number;
  /** Keyed `METHOD kind`, e.g. `GET managedClusters.list`. */
  byKind: Record<string, number>;
  /** Keyed by HTTP status (`0` for a reset connection). */
  byStatus: Record<string, number>;
  /** Keyed by injected fault. */
  byFault: Record<string, number>;
  /** The most recent calls, oldest first (at most 10,000). */
  log: CallRecord[];
}

const MAX_LOG = 10_000;

/** Counts every ARM call so tests and benchmarks can report them. */
export class CallLog {
  private records: CallRecord[] = [];
  private total = 0;
  private byKind: Record<string, number> = {};
  private byStatus: Record<string, number> = {};
  private byFault: Record<string, number> = {};

  record(call: CallRecord): void {
    this.total += 1;
    const kindKey = `${call.method} ${call.kind}`;
    this.byKind[kindKey] = (this.byKind[kindKey] ?? 0) + 1;
    const statusKey = String(call.status);
    this.byStatus[statusKey] = (this.byStatus[statusKey] ?? 0) + 1;
    if (call.fault) {
      this.byFault[call.fault] = (this.byFault[call.fault] ?? 0) + 1;
    }
    this.records.push(call);
    if (this.records.length > MAX_LOG) {
      this.records.splice(0, this.records.length - MAX_LOG);
    }
  }

  counts(): CallCounts {
    return {
      total: this.total,
      byKind: { ...this.byKind },
      byStatus: { ...this.byStatus },
      byFault: { ...this.byFault },
      log: this.records.map(record => ({ ...record })),
    };
  }

  clear(): void {
    this.records = [];
    this.total = 0;
    this.byKind = {};
    this.byStatus = {};
    this.byFault = {};
  }
}
