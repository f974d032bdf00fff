import { FaultSettings, validateFaultSettings } from './faults/FaultSettings';

/**
 * The start-up faults the CLI takes as flags, so a simulator run as its own process
 * (a benchmark, a demo of a slow ARM) is slow from its first call without a separate
 * `POST /_simulator/faults`. `POST /_simulator/reset` returns to these.
 */
export const CLI_FAULT_OPTIONS = {
  'latency-ms': { type: 'string' },
} as const;

export const CLI_FAULT_USAGE = `  --latency-ms <n>             delay every ARM call by n ms (default 0; a start-up fault)
`;

export function cliFaults(values: {
  'latency-ms'?: string;
}): FaultSettings | undefined {
  const text = values['latency-ms'];
  if (text === undefined) {
    return undefined;
  }
  const latencyMs = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(latencyMs)) {
    throw new Error(
      `--latency-ms must be a non-negative integer, got '${text}'`,
    );
  }
  return validateFaultSettings({ latencyMs });
}
