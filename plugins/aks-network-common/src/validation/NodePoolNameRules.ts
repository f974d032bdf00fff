import {
  AZURE_RULES,
  DOMAIN_FACTS,
  MAX_LINUX_NODE_POOL_NAME_LENGTH,
  MAX_WINDOWS_NODE_POOL_NAME_LENGTH,
} from '../facts';
import { NetworkFinding } from './NetworkFinding';
import { NodePoolOsType } from './NetworkRequest';
import { PoolDraft, RequestDraft } from './RequestDraft';

/** Lowercase letters and digits, starting with a letter (the length is checked apart). */
const NODE_POOL_NAME = /^[a-z][a-z0-9]*$/;

/** The longest name a pool of this OS may have. */
export function maxNodePoolNameLength(osType: NodePoolOsType): number {
  return osType === 'Windows'
    ? MAX_WINDOWS_NODE_POOL_NAME_LENGTH
    : MAX_LINUX_NODE_POOL_NAME_LENGTH;
}

function nameFindings(pool: PoolDraft, name: string): NetworkFinding[] {
  const field = `${pool.field}.name`;
  const findings: NetworkFinding[] = [];
  if (!NODE_POOL_NAME.test(name)) {
    findings.push({
      field,
      rule: 'node-pool-name-invalid',
      severity: 'error',
      message: `${field} '${name}' is not a valid node pool name: use lowercase letters and digits only, starting with a letter.`,
      fact: AZURE_RULES.nodePoolName,
    });
  }
  const length = [...name].length;
  const max = maxNodePoolNameLength(pool.osType);
  if (length > max) {
    findings.push({
      field,
      rule: 'node-pool-name-too-long',
      severity: 'error',
      message: `${field} '${name}' has ${length} characters; a ${pool.osType} node pool name has at most ${max}.`,
      fact: AZURE_RULES.nodePoolName,
    });
  }
  return findings;
}

/**
 * Node pool names (https://learn.microsoft.com/azure/aks/create-node-pools#limitations):
 * lowercase letters and digits only, starting with a letter, 1–12 characters for a
 * Linux pool and 1–6 for a Windows pool; and, so that pools can be told apart, each
 * name once in the cluster.
 */
export function nodePoolNameRules(draft: RequestDraft): NetworkFinding[] {
  const findings: NetworkFinding[] = [];
  const seen = new Set<string>();
  for (const pool of draft.nodePools ?? []) {
    if (pool.name === undefined) {
      continue;
    }
    if (pool.name.trim() === '') {
      findings.push({
        field: `${pool.field}.name`,
        rule: 'name-required',
        severity: 'error',
        message: `${pool.field}.name is empty; every node pool needs a name.`,
        fact: DOMAIN_FACTS.badInput,
      });
      continue;
    }
    findings.push(...nameFindings(pool, pool.name));
    const key = pool.name.toLowerCase();
    if (seen.has(key)) {
      findings.push({
        field: `${pool.field}.name`,
        rule: 'node-pool-name-duplicate',
        severity: 'error',
        message: `Node pool name '${pool.name}' is used twice.`,
        fact: DOMAIN_FACTS.badInput,
      });
    }
    seen.add(key);
  }
  return findings;
}
