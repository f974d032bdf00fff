/* eslint-disable no-console */
/** What every bench under bench/ shares: quiet logger, medians, knex write counting. */
import type {
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { cpus } from 'node:os';

export const silentLogger: LoggerService = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  child: () => silentLogger,
};

export function databaseServiceFor(knex: Knex): DatabaseService {
  return { getClient: async () => knex };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function machine(): string {
  const cores = cpus();
  return `Node ${process.version}, ${cores.length} × ${
    cores[0]?.model.trim() ?? 'unknown CPU'
  }, ${new Date().toISOString().slice(0, 10)}`;
}

export function samplesFromEnv(fallback: number): number {
  const value = Number(process.env.BENCH_SAMPLES ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Counts the write statements a knex sends (insert, update, delete, upsert), by table,
 * and the rows they report affected where the driver reports a number.
 */
export class WriteCounter {
  statements = 0;
  rows = 0;
  byTable: Record<string, number> = {};
  private readonly pending = new Map<string, boolean>();

  constructor(knex: Knex) {
    knex.on('query', (query: { sql: string; __knexQueryUid: string }) => {
      const match =
        /^\s*(?:insert\s+into|update|delete\s+from)\s+[`"]?([\w.]+)[`"]?/i.exec(
          query.sql,
        );
      if (match) {
        this.statements += 1;
        this.byTable[match[1]] = (this.byTable[match[1]] ?? 0) + 1;
        this.pending.set(query.__knexQueryUid, true);
      }
    });
    knex.on(
      'query-response',
      (response: unknown, query: { __knexQueryUid: string }) => {
        if (!this.pending.delete(query.__knexQueryUid)) {
          return;
        }
        if (typeof response === 'number') {
          this.rows += response;
        } else if (Array.isArray(response)) {
          this.rows += response.length;
        } else if (
          response &&
          typeof response === 'object' &&
          'rowCount' in response
        ) {
          this.rows += Number((response as { rowCount: number }).rowCount);
        }
      },
    );
  }

  reset(): void {
    this.statements = 0;
    this.rows = 0;
    this.byTable = {};
  }

  describe(): string {
    const tables = Object.entries(this.byTable)
      .sort(([, a], [, b]) => b - a)
      .map(([table, count]) => `${table} ${count}`)
      .join(', ');
    return `${this.statements} write statements, ${this.rows} rows${
      tables ? ` (${tables})` : ''
    }`;
  }
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export function log(line = ''): void {
  console.log(line);
}

/**
 * The highest RSS, V8 heap and off-heap (Buffers, ArrayBuffers) figures of this
 * process, sampled every `intervalMs` while running: the peak RSS alone does not say
 * what holds the memory.
 */
export class MemoryPeak {
  rss = 0;
  heapUsed = 0;
  external = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 25) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    const usage = process.memoryUsage();
    this.rss = Math.max(this.rss, usage.rss);
    this.heapUsed = Math.max(this.heapUsed, usage.heapUsed);
    this.external = Math.max(this.external, usage.external);
  }

  stop(): this {
    clearInterval(this.timer);
    this.sample();
    return this;
  }

  describe(): string {
    return `RSS ${mb(this.rss)}, V8 heap used ${mb(
      this.heapUsed,
    )}, off-heap ${mb(this.external)}`;
  }
}
