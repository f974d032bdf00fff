import {
  AZURE_RULES,
  DOMAIN_FACTS,
  MAX_MAX_PODS,
  MIN_MAX_PODS,
  MIN_PODS_PER_POOL,
} from '../facts';
import { NetworkFinding } from './NetworkFinding';
import { totalNodeCount } from './NodeCountRules';
import { RequestDraft } from './RequestDraft';

/**
 * Node pool rules: maxPods 10–250 and "10 only if every pool still holds 30 pods" (read
 * as: a pool below 30 pods per node needs count × maxPods ≥ 30), and a System pool with
 * a node. Names are checked by `NodePoolNameRules.ts`, counts by `NodeCountRules.ts`.
 */
export function nodePoolRules(draft: RequestDraft): NetworkFinding[] {
  const pools = draft.nodePools;
  if (pools === undefined) {
    return [];
  }
  const findings: NetworkFinding[] = [];
  if (pools.length === 0 && !draft.rejectedFields.has('nodePools')) {
    findings.push({
      field: 'nodePools',
      rule: 'node-pools-required',
      severity: 'error',
      message: 'nodePools is empty; a cluster needs at least one node pool.',
      fact: AZURE_RULES.systemPool,
    });
    return findings;
  }

  for (const pool of pools) {
    if (pool.maxPods === undefined) {
      continue;
    }
    if (pool.maxPods < MIN_MAX_PODS || pool.maxPods > MAX_MAX_PODS) {
      findings.push({
        field: `${pool.field}.maxPods`,
        rule: 'max-pods-range',
        severity: 'error',
        message: `${pool.field}.maxPods is ${pool.maxPods}; it must be from ${MIN_MAX_PODS} to ${MAX_MAX_PODS}.`,
        fact: DOMAIN_FACTS.maxPods,
      });
    } else if (
      pool.maxPods < MIN_PODS_PER_POOL &&
      pool.count !== undefined &&
      pool.count * pool.maxPods < MIN_PODS_PER_POOL
    ) {
      findings.push({
        field: `${pool.field}.maxPods`,
        rule: 'max-pods-pool-minimum',
        severity: 'error',
        message: `${pool.field} holds ${pool.count} × ${pool.maxPods} = ${
          pool.count * pool.maxPods
        } pods; below ${MIN_PODS_PER_POOL} pods per node a pool must still hold ${MIN_PODS_PER_POOL} pods (raise maxPods or count).`,
        fact: DOMAIN_FACTS.maxPods,
      });
    }
  }

  const total = totalNodeCount(draft);
  if (
    total !== undefined &&
    total >= 1 &&
    !pools.some(pool => pool.mode === 'System' && (pool.count ?? 0) >= 1)
  ) {
    findings.push({
      field: 'nodePools',
      rule: 'system-pool-required',
      severity: 'error',
      message: 'No node pool is a System pool with at least one node.',
      fact: AZURE_RULES.systemPool,
    });
  }
  return findings;
}
