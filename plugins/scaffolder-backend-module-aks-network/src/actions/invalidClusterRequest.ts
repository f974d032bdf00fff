import { InputError } from '@backstage/errors';

/**
 * The one error of a refused cluster request: every problem at once, one line each
 * naming the action's field (common's messages hold semicolons of their own).
 */
export function invalidClusterRequest(problems: string[]): InputError {
  return new InputError(
    `Invalid cluster request:\n- ${[...new Set(problems)].join('\n- ')}`,
  );
}
