import type { PodCidrUse } from '@aks-network/plugin-aks-network-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatCount } from './labels';
import { SegmentedBar } from './SegmentedBar';

/**
 * The pod CIDR in nodes: each node takes a /24 of it, so a /16 holds 256 nodes
 * (docs/domain.md#pod-cidr-capacity: "a pod CIDR of prefix p holds 2^(24-p) nodes").
 */
export function PodCidrUseBar(props: { use: PodCidrUse }) {
  const { cidr, capacityNodes, nodes, surgeNodes } = props.use;
  const free = capacityNodes - nodes - surgeNodes;
  return (
    <Box mb={1.5}>
      <Typography variant="body2">
        <strong>Pod CIDR</strong> {cidr}
      </Typography>
      <SegmentedBar
        label={`Nodes of pod CIDR ${cidr}`}
        segments={[
          { kind: 'used', label: 'Nodes', value: nodes },
          {
            kind: 'surge',
            label: 'Surge nodes',
            value: Math.min(surgeNodes, Math.max(0, capacityNodes - nodes)),
          },
          { kind: 'free', label: 'Room', value: Math.max(0, free) },
          { kind: 'over', label: 'Missing', value: Math.max(0, -free) },
        ]}
      />
      <Typography variant="caption" component="p">
        Holds {formatCount(capacityNodes)} nodes at a /24 each ·{' '}
        {formatCount(nodes)} nodes + {formatCount(surgeNodes)} surge ·{' '}
        {free >= 0
          ? `room for ${formatCount(free)} more`
          : `${formatCount(-free)} nodes short`}
      </Typography>
    </Box>
  );
}
