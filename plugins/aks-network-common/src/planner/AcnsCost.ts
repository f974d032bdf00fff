import { ACNS_USD_PER_NODE_HOUR, HOURS_PER_MONTH } from '../facts';

/**
 * Monthly ACNS cost in US dollars for a node count: nodes × $0.025 × 730 h (docs/domain.md#acns: "the
 * platform team costs it at $0.025 per node per hour"; 730 h is `HOURS_PER_MONTH`).
 * Rounded to cents.
 *
 * @public
 */
export function acnsMonthlyCostUsd(nodeCount: number): number {
  return (
    Math.round(nodeCount * ACNS_USD_PER_NODE_HOUR * HOURS_PER_MONTH * 100) / 100
  );
}
