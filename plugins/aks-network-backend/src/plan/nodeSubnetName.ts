import { createHash } from 'node:crypto';
import { MAX_NAME_LENGTH } from '@aks-network/plugin-aks-network-common';

/**
 * The node subnet's name in the pool's VNet: one per cluster. A long cluster name is
 * cut and given a digest of the whole, so two long names sharing a start still get two
 * subnets (common's name rules allow 63 characters, docs/domain.md#names: "Names … ≤ 63").
 */
export function nodeSubnetName(clusterName: string): string {
  const plain = `snet-aks-${clusterName}`;
  if (plain.length <= MAX_NAME_LENGTH) {
    return plain;
  }
  const digest = createHash('sha256')
    .update(clusterName.toLowerCase())
    .digest('hex')
    .slice(0, 8);
  const room = MAX_NAME_LENGTH - 'snet-'.length - digest.length - 1;
  return `snet-${clusterName.slice(0, room)}-${digest}`;
}
