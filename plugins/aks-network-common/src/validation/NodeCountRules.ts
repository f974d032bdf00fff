import {
  AZURE_RULES,
  DOMAIN_FACTS,
  MAX_NODES_PER_CLUSTER,
  MAX_NODES_PER_KUBENET_CLUSTER,
  MAX_NODES_PER_NODE_POOL,
} from '../facts';
import { NetworkFinding } from './NetworkFinding';
import { RequestDraft } from './RequestDraft';

/** The pools' node total, when every count could be read and none is negative. */
export function totalNodeCount(draft: RequestDraft): number | undefined {
  const counts = (draft.nodePools ?? []).map(pool => pool.count);
  if (
    !counts.every((count): count is number => count !== undefined && count >= 0)
  ) {
    return undefined;
  }
  return counts.reduce((sum, count) => sum + count, 0);
}

/**
 * Node counts, refused here so nothing is reserved or created for a cluster Azure
 * would refuse (https://learn.microsoft.com/azure/aks/quotas-skus-regions#service-quotas-and-limits):
 * a pool has 0 to 1,000 nodes, a cluster 1 to 5,000 across its pools, and a kubenet
 * cluster at most 400, one route per node in a route table of at most 400 routes
 * (https://learn.microsoft.com/azure/aks/configure-kubenet).
 */
export function nodeCountRules(draft: RequestDraft): NetworkFinding[] {
  const pools = draft.nodePools;
  if (pools === undefined || pools.length === 0) {
    return [];
  }
  const findings: NetworkFinding[] = [];
  for (const pool of pools) {
    if (pool.count === undefined) {
      continue;
    }
    if (pool.count < 0) {
      findings.push({
        field: `${pool.field}.count`,
        rule: 'node-count-range',
        severity: 'error',
        message: `${pool.field}.count is ${pool.count}; a pool has 0 or more nodes.`,
        fact: DOMAIN_FACTS.maxNodes,
      });
    } else if (pool.count > MAX_NODES_PER_NODE_POOL) {
      findings.push({
        field: `${pool.field}.count`,
        rule: 'node-pool-count-limit',
        severity: 'error',
        message: `${pool.field}.count is ${pool.count}; a node pool has at most ${MAX_NODES_PER_NODE_POOL} nodes (add pools for more).`,
        fact: AZURE_RULES.nodesPerPool,
      });
    }
  }

  const total = totalNodeCount(draft);
  if (total === undefined) {
    return findings;
  }
  if (total < 1 || total > MAX_NODES_PER_CLUSTER) {
    findings.push({
      field: 'nodePools',
      rule: 'node-count-range',
      severity: 'error',
      message: `The pools hold ${total} nodes in all; a cluster has 1 to ${MAX_NODES_PER_CLUSTER}.`,
      fact: DOMAIN_FACTS.maxNodes,
    });
  } else if (
    draft.model === 'kubenet' &&
    total > MAX_NODES_PER_KUBENET_CLUSTER
  ) {
    findings.push({
      field: 'nodePools',
      rule: 'kubenet-node-count-limit',
      severity: 'error',
      message: `The pools hold ${total} nodes in all; a kubenet cluster has at most ${MAX_NODES_PER_KUBENET_CLUSTER} (network.model kubenet: one route per node, 400 routes per route table).`,
      fact: AZURE_RULES.kubenetNodes,
    });
  }
  return findings;
}
