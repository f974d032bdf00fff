import { randomUUID } from 'node:crypto';
import type { JsonObject } from '@backstage/types';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/**
 * Task state kept between runs of an action, as the scaffolder keeps it for a task that
 * is retried or recovered after a restart: successful checkpoints return their stored
 * value instead of running again (`NunjucksWorkflowRunner`'s checkpoint).
 */
export class CheckpointStore {
  readonly values = new Map<string, unknown>();
  readonly runs: string[] = [];

  checkpoint = async <T>(opts: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T> => {
    if (this.values.has(opts.key)) {
      return this.values.get(opts.key) as T;
    }
    this.runs.push(opts.key);
    const value = await opts.fn();
    this.values.set(opts.key, value ?? {});
    return value;
  };
}

/** A mock action context with an input, a task id, outputs collected, and options. */
export function actionContext(
  input: Record<string, unknown>,
  options: {
    taskId?: string;
    dryRun?: boolean;
    checkpoints?: CheckpointStore;
    credentials?: BackstageCredentials;
  } = {},
) {
  const base = createMockActionContext({
    input: input as JsonObject,
    // Task ids are UUIDs in the scaffolder; as long here, so keys built from them are
    // tested at their real length.
    task: { id: options.taskId ?? randomUUID() },
  });
  const outputs: Record<string, unknown> = {};
  const checkpoints = options.checkpoints ?? new CheckpointStore();
  const ctx = {
    ...base,
    isDryRun: options.dryRun ?? false,
    checkpoint: checkpoints.checkpoint,
    getInitiatorCredentials: async () =>
      options.credentials ?? mockCredentials.user('user:default/jane'),
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
  };
  return { ctx, outputs, checkpoints };
}
