import { DEFAULT_MAX_SURGE_NODES } from '../facts';

/**
 * Surge nodes an upgrade adds to a pool, from `upgradeSettings.maxSurge` as ARM states
 * it: a node count (`1`, `'3'`) or a percentage of the pool (`'33%'`, rounded up to a
 * whole node as AKS does). Absent → {@link DEFAULT_MAX_SURGE_NODES}. Returns undefined
 * for text it cannot read, so callers can report it.
 *
 * @public
 */
export function resolveMaxSurge(
  maxSurge: string | number | undefined,
  nodeCount: number,
): number | undefined {
  if (maxSurge === undefined) {
    return DEFAULT_MAX_SURGE_NODES;
  }
  if (typeof maxSurge === 'number') {
    return Number.isInteger(maxSurge) && maxSurge >= 0 ? maxSurge : undefined;
  }
  const text = maxSurge.trim();
  if (text === '') {
    return DEFAULT_MAX_SURGE_NODES;
  }
  const percent = /^(\d{1,3})%$/.exec(text);
  if (percent) {
    const value = Number(percent[1]);
    if (value > 100 || !Number.isFinite(nodeCount) || nodeCount < 0) {
      return undefined;
    }
    return Math.ceil((nodeCount * value) / 100);
  }
  return /^\d{1,5}$/.test(text) ? Number(text) : undefined;
}
