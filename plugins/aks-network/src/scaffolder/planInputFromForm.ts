import type { PoolPlanRequest } from '@aks-network/plugin-aks-network-common';
import type { AksNetworkPlanUiOptions } from './AksNetworkPlanSchema';
import { FormValues, textValue } from './formValues';

/**
 * What the plan asks the backend, read from the form; or the first thing it still
 * lacks, named by its request field. The backend answers for one pool, and its request
 * needs a node count (a body without one is a 400, not a finding).
 */
export type PlanInput =
  | { kind: 'ready'; poolId: string; request: PoolPlanRequest }
  | { kind: 'missing'; field: 'addressPoolId' | 'nodeCount'; message: string };

const TEXT_FIELDS = [
  'name',
  'resourceGroup',
  'region',
  'vmSize',
  'kubernetesVersion',
] as const;

function fieldName(
  options: AksNetworkPlanUiOptions | undefined,
  field: keyof PoolPlanRequest | 'addressPoolId',
): string {
  const key = `${field}Field` as keyof AksNetworkPlanUiOptions;
  return options?.[key] ?? field;
}

function numberValue(values: FormValues, field: string) {
  const value = values[field];
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

/**
 * The plan request of the form as it stands. Empty values are left out, so the backend
 * applies the organisation's defaults (maxPods) and the pool's (region), and does not
 * judge a name not typed yet. Only the request's own fields are sent: the backend
 * refuses a body with any other.
 */
export function planInputFromForm(
  values: FormValues,
  options?: AksNetworkPlanUiOptions,
): PlanInput {
  const poolId = textValue(values, fieldName(options, 'addressPoolId'));
  if (!poolId) {
    return {
      kind: 'missing',
      field: 'addressPoolId',
      message:
        'choose an address pool first: the plan needs one to tell the node subnet',
    };
  }
  const nodeCount = numberValue(values, fieldName(options, 'nodeCount'));
  if (nodeCount === undefined) {
    return {
      kind: 'missing',
      field: 'nodeCount',
      message: 'give the number of nodes: the plan sizes the network for them',
    };
  }
  const request: PoolPlanRequest = { nodeCount };
  for (const field of TEXT_FIELDS) {
    const text = textValue(values, fieldName(options, field));
    if (text !== undefined) {
      request[field] = text;
    }
  }
  const maxPods = numberValue(values, fieldName(options, 'maxPods'));
  if (maxPods !== undefined) {
    request.maxPods = maxPods;
  }
  const acns = values[fieldName(options, 'acnsObservability')];
  if (typeof acns === 'boolean') {
    request.acnsObservability = acns;
  }
  return { kind: 'ready', poolId, request };
}
