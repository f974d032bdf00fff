import {
  ADDRESS_EXHAUSTION_WARN_RATIO,
  FleetCluster,
  NodeSubnetUse,
  usesPodCidr,
} from '@aks-network/plugin-aks-network-common';
import { StatusError, StatusWarning } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { formatCount, formatTime } from '../network/labels';
import { formatPercent } from './fleetWords';

/** The cluster's entity, and when the inventory could not read it lately, since when. */
export function ClusterNameCell(props: { cluster: FleetCluster }) {
  const { cluster } = props;
  return (
    <div>
      <EntityRefLink entityRef={cluster.entityRef} hideIcon>
        {cluster.name}
      </EntityRefLink>
      {cluster.stale && (
        <Typography variant="caption" component="div">
          <StatusWarning>
            Stale since {formatTime(cluster.stale.since)}: last good read{' '}
            {formatTime(cluster.lastSeenAt)} ({cluster.stale.error})
          </StatusWarning>
        </Typography>
      )}
    </div>
  );
}

/** The subnet the ratio was taken from: the fullest one whose use is known. */
function fullestSubnet(uses: NodeSubnetUse[]): NodeSubnetUse | undefined {
  let fullest: NodeSubnetUse | undefined;
  let worst = -1;
  for (const use of uses) {
    if (use.used !== undefined && use.usable) {
      const ratio = (use.used + use.surgeIps) / use.usable;
      if (ratio > worst) {
        worst = ratio;
        fullest = use;
      }
    }
  }
  return fullest;
}

/**
 * How full the fullest node (or pod) subnet is with an upgrade's surge: the share, and
 * the "used + surge of usable" IPs it rests on (usable is the prefix less the 5 IPs
 * Azure keeps). Unknown use is said with why, never shown as 0%.
 */
export function NodeSubnetUseCell(props: { cluster: FleetCluster }) {
  const { figures } = props.cluster;
  const ratio = figures.nodeSubnetUseRatio;
  const uses = [...figures.nodeSubnets, ...figures.podSubnets];
  const subnet = fullestSubnet(uses);
  if (ratio === undefined || !subnet) {
    return (
      <Typography variant="body2" component="div">
        unknown
        <Typography variant="caption" component="div" color="textSecondary">
          {figures.nodeSubnets.length === 0
            ? 'no node subnet known'
            : 'the VNet usages API gave no use'}
        </Typography>
      </Typography>
    );
  }
  const percent = formatPercent(ratio);
  let headline;
  if (ratio > 1) {
    headline = <StatusError>{percent}: an upgrade would not fit</StatusError>;
  } else if (ratio >= ADDRESS_EXHAUSTION_WARN_RATIO) {
    headline = <StatusWarning>{percent}: nearly full</StatusWarning>;
  } else {
    headline = percent;
  }
  return (
    <Typography variant="body2" component="div">
      {headline}
      <Typography variant="caption" component="div" color="textSecondary">
        {formatCount(subnet.used!)}+{formatCount(subnet.surgeIps)} of{' '}
        {formatCount(subnet.usable!)} IPs
        {uses.length > 1 || subnet.role === 'pod'
          ? ` in ${subnet.name}${subnet.role === 'pod' ? ' (pod subnet)' : ''}`
          : ''}
      </Typography>
    </Typography>
  );
}

/**
 * The pod CIDR in nodes: nodes now plus an upgrade's surge of the nodes it holds (each
 * node takes a /24 of it, so a /16 holds 256). Models whose pods take VNet IPs, or
 * whose CNI decides for itself, have no pod CIDR to fill.
 */
export function PodCapacityCell(props: { cluster: FleetCluster }) {
  const { networkModel, figures } = props.cluster;
  const pod = figures.podCidr;
  if (!pod) {
    if (networkModel && usesPodCidr(networkModel)) {
      return (
        <Typography variant="body2" component="div">
          unknown
          <Typography variant="caption" component="div" color="textSecondary">
            the pod CIDR could not be read
          </Typography>
        </Typography>
      );
    }
    return (
      <Typography variant="body2" title="No pod CIDR for this network model">
        —
      </Typography>
    );
  }
  const needed = pod.nodes + pod.surgeNodes;
  const text = `${formatCount(pod.nodes)}+${formatCount(
    pod.surgeNodes,
  )} of ${formatCount(pod.capacityNodes)} nodes`;
  return (
    <Typography variant="body2" component="div">
      {needed > pod.capacityNodes ? (
        <StatusError>{text}: an upgrade would not fit</StatusError>
      ) : (
        text
      )}
      <Typography variant="caption" component="div" color="textSecondary">
        {pod.cidr}
      </Typography>
    </Typography>
  );
}
