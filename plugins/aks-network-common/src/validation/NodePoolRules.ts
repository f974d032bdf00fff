import {
  AZURE_RULES,
  DESIGN_FACTS,
  MAX_MAX_PODS,
  MAX_NODES_PER_CLUSTER,
  MIN_MAX_PODS,
  MIN_PODS_PER_POOL,
} from '../facts';
import { NetworkFinding } from './NetworkFinding';
import { RequestDraft } from './RequestDraft';

/**
 * Node pool rules: maxPods 10–250 and "10 only if every pool still holds 30 pods" (read
 * as: a pool below 30 pods per node needs count × maxPods ≥ 30), 1–5,000 nodes in all
 * (DESIGN: "Max 5,000 nodes"), unique pool names, and a System pool with a node.
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

  const seen = new Set<string>();
  for (const pool of pools) {
    if (pool.name !== undefined && pool.name.trim() === '') {
      findings.push({
        field: `${pool.field}.name`,
        rule: 'name-required',
        severity: 'error',
        message: `${pool.field}.name is empty; every node pool needs a name.`,
        fact: DESIGN_FACTS.badInput,
      });
    } else if (pool.name !== undefined) {
      const key = pool.name.toLowerCase();
      if (seen.has(key)) {
        findings.push({
          field: `${pool.field}.name`,
          rule: 'node-pool-name-duplicate',
          severity: 'error',
          message: `Node pool name '${pool.name}' is used twice.`,
          fact: DESIGN_FACTS.badInput,
        });
      }
      seen.add(key);
    }
    if (pool.count !== undefined && pool.count < 0) {
      findings.push({
        field: `${pool.field}.count`,
        rule: 'node-count-range',
        severity: 'error',
        message: `${pool.field}.count is ${pool.count}; a pool has 0 or more nodes.`,
        fact: DESIGN_FACTS.maxNodes,
      });
    }
    if (pool.maxPods !== undefined) {
      if (pool.maxPods < MIN_MAX_PODS || pool.maxPods > MAX_MAX_PODS) {
        findings.push({
          field: `${pool.field}.maxPods`,
          rule: 'max-pods-range',
          severity: 'error',
          message: `${pool.field}.maxPods is ${pool.maxPods}; it must be from ${MIN_MAX_PODS} to ${MAX_MAX_PODS}.`,
          fact: DESIGN_FACTS.maxPods,
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
          fact: DESIGN_FACTS.maxPods,
        });
      }
    }
  }

  const counts = pools.map(pool => pool.count);
  if (
    counts.every((count): count is number => count !== undefined && count >= 0)
  ) {
    const total = counts.reduce((sum, count) => sum + count, 0);
    if (total < 1 || total > MAX_NODES_PER_CLUSTER) {
      findings.push({
        field: 'nodePools',
        rule: 'node-count-range',
        severity: 'error',
        message: `The pools hold ${total} nodes in all; a cluster has 1 to ${MAX_NODES_PER_CLUSTER}.`,
        fact: DESIGN_FACTS.maxNodes,
      });
    }
    if (
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
  }
  return findings;
}
