import type { NodeSubnetUse } from '@aks-network/plugin-aks-network-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatCount } from './labels';
import { Segment, SegmentedBar } from './SegmentedBar';

/**
 * The IPs of one node or pod subnet as one bar: in use, needed for an upgrade's surge
 * nodes, free, and the 5 Azure keeps in every subnet (first four and last), with the
 * numbers written out. Unknown use is said, not drawn as empty.
 */
export function NodeSubnetUseBar(props: { use: NodeSubnetUse }) {
  const { use } = props;
  const heading = (
    <Typography variant="body2">
      <strong>{use.name}</strong> {use.addressPrefix}
      {use.role === 'pod' && (
        <Typography variant="caption" color="textSecondary" component="span">
          {' '}
          · pod subnet: each node takes maxPods IPs
        </Typography>
      )}
    </Typography>
  );
  if (use.used === undefined || use.usable === undefined) {
    return (
      <Box mb={1.5}>
        {heading}
        <Typography variant="body2" color="textSecondary">
          IP use unknown: the VNet usages API gave no{' '}
          {use.used === undefined ? 'usage' : 'limit'} for this subnet, so
          nothing is said about its room.
        </Typography>
      </Box>
    );
  }
  const free = use.usable - use.used - use.surgeIps;
  const segments: Segment[] = [
    { kind: 'used', label: 'In use', value: use.used },
    {
      kind: 'surge',
      label: 'Needed for upgrade surge',
      value: Math.min(use.surgeIps, Math.max(0, use.usable - use.used)),
    },
    { kind: 'free', label: 'Free', value: Math.max(0, free) },
    { kind: 'over', label: 'Missing for the surge', value: Math.max(0, -free) },
    { kind: 'reserved', label: 'Kept by Azure', value: use.reserved },
  ];
  return (
    <Box mb={1.5}>
      {heading}
      <SegmentedBar segments={segments} label={`IP use of ${use.name}`} />
      <Typography variant="caption" component="p">
        {formatCount(use.used)} in use + {formatCount(use.surgeIps)} for upgrade
        surge of {formatCount(use.usable)} usable IPs ·{' '}
        {free >= 0
          ? `${formatCount(free)} free`
          : `${formatCount(-free)} short: an upgrade would not fit`}{' '}
        · {use.reserved} kept by Azure
        {use.growthIps > 0
          ? ` · ${formatCount(
              use.growthIps,
            )} more if the autoscaler reaches its ceiling`
          : ''}
      </Typography>
    </Box>
  );
}
