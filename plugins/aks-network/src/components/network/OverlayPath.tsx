import type {
  ApiCluster,
  ClusterPosture,
} from '@aks-network/plugin-aks-network-common';
import type { Entity } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { RequestOverlayClusterButton } from './RequestOverlayClusterButton';
import { FindingItem } from './SecurityChecks';

const WHY: Record<string, string> = {
  'azure-cni-node-subnet':
    'Flat Azure CNI gives every pod a VNet IP from the node subnet; on overlay pods take none, and the node subnet shrinks to a /27.',
  'azure-cni-pod-subnet':
    'Pod subnet gives every pod a VNet IP from a second subnet; on overlay pods take none.',
  kubenet:
    'kubenet retires on 2028-03-31 and cannot run ACNS; overlay keeps a private pod CIDR without route tables.',
  'byo-cni':
    'A CNI of your own is outside what AKS supports and what flow logs and ACNS show.',
};

/**
 * The way to overlay for a cluster that is not on it: why, Azure's in-place migration
 * as information where it applies, and the organisation's way, a new overlay cluster.
 */
export function OverlayPath(props: {
  cluster: ApiCluster;
  posture: ClusterPosture;
  clusterEntity?: Entity;
  clusterEntityRef?: string | null;
  template?: string;
}) {
  const model = props.cluster.inventory.networkModel;
  if (!model || model === 'azure-cni-overlay') {
    return null;
  }
  const inPlace = props.posture.findings.find(
    f => f.id === 'in-place-overlay-migration',
  );
  return (
    <Box data-testid="overlay-path">
      <Typography variant="subtitle2">The way to Azure CNI Overlay</Typography>
      <Typography variant="body2" paragraph>
        {WHY[model]} The organisation moves clusters by creating a new overlay
        cluster and moving the workloads.
      </Typography>
      {inPlace && (
        <FindingItem finding={inPlace} name="Azure's in-place path" />
      )}
      <RequestOverlayClusterButton
        cluster={props.cluster}
        clusterEntity={props.clusterEntity}
        clusterEntityRef={props.clusterEntityRef}
        template={props.template}
      />
    </Box>
  );
}
