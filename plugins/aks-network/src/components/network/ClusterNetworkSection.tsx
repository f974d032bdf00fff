import {
  armResourceName,
  EntityPostureCluster,
  nodeSubnetUse,
  podCidrUse,
  podSubnetUse,
  SECURITY_CHECK_FINDING_IDS,
} from '@aks-network/plugin-aks-network-common';
import type { Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { AcnsCostNote } from './AcnsCostNote';
import { ClusterLinksList } from './ClusterLinksList';
import { InventoryFreshness } from './InventoryFreshness';
import { dataplaneLabel, networkModelLabel } from './labels';
import { NodeSubnetUseBar } from './NodeSubnetUseBar';
import { OverlayPath } from './OverlayPath';
import { PodCidrUseBar } from './PodCidrUseBar';
import { FindingItem, SecurityChecks } from './SecurityChecks';

const SHOWN_APART = new Set([
  ...Object.values(SECURITY_CHECK_FINDING_IDS),
  'in-place-overlay-migration',
  'acns-monthly-cost',
]);

function Heading(props: { children: ReactNode }) {
  return (
    <Typography variant="subtitle2" gutterBottom>
      {props.children}
    </Typography>
  );
}

/**
 * One cluster's network as the posture card and the cluster card show it: model and
 * dataplane, IP use of the node subnets and the pod CIDR, the three security checks,
 * where its traffic can be read, what closing the visibility gap costs, the other
 * findings, and for a cluster not on overlay the way there.
 */
export function ClusterNetworkSection(props: {
  item: EntityPostureCluster;
  /** The cluster's entity when the page is its page (no link to itself, no lookup). */
  clusterEntity?: Entity;
  overlayTemplate?: string;
  /** Rendered under the network figures (the cluster card's pools and addons). */
  children?: ReactNode;
}) {
  const { cluster, posture, links, entityRef } = props.item;
  const model = cluster.inventory.networkModel ?? undefined;
  const subnets = [
    ...cluster.nodeSubnets.map(subnet => nodeSubnetUse(cluster, subnet, model)),
    ...(cluster.podSubnets ?? []).map(subnet => podSubnetUse(cluster, subnet)),
  ];
  const unreadSubnets = (cluster.unread ?? []).filter(
    entry => entry.part === 'subnet',
  );
  const flowLogsRead = !(cluster.unread ?? []).some(
    entry => entry.part === 'flowLogs',
  );
  const pod = podCidrUse(cluster, model);
  const others = posture.findings.filter(f => !SHOWN_APART.has(f.id));
  return (
    <Box mb={3} data-testid="aks-cluster-network" data-cluster={cluster.name}>
      <Box display="flex" alignItems="center" flexWrap="wrap" mb={1}>
        <Typography variant="h6" component="h3" style={{ marginRight: 12 }}>
          {entityRef && !props.clusterEntity ? (
            <EntityRefLink entityRef={entityRef} title={cluster.name} hideIcon>
              {cluster.name}
            </EntityRefLink>
          ) : (
            cluster.name
          )}
        </Typography>
        <Chip
          size="small"
          label={networkModelLabel(cluster.inventory.networkModel)}
          style={{ marginRight: 8 }}
        />
        <Chip
          size="small"
          variant="outlined"
          label={dataplaneLabel(cluster.inventory.dataplane)}
          style={{ marginRight: 8 }}
        />
        <Typography variant="body2" color="textSecondary">
          {cluster.location}
          {cluster.kubernetesVersion
            ? ` · Kubernetes ${cluster.kubernetesVersion}`
            : ''}
          {cluster.provisioningState ? ` · ${cluster.provisioningState}` : ''}
        </Typography>
      </Box>
      <InventoryFreshness cluster={cluster} />
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <Heading>IP use</Heading>
          {subnets.length === 0 && unreadSubnets.length === 0 && (
            <Typography variant="body2" color="textSecondary" paragraph>
              No node subnet is known for this cluster (a managed VNet, or the
              VNet could not be read).
            </Typography>
          )}
          {subnets.map(use => (
            <NodeSubnetUseBar key={use.subnetId} use={use} />
          ))}
          {unreadSubnets.map(entry => (
            <Box mb={1.5} key={entry.resourceId}>
              <Typography variant="body2">
                <strong>{armResourceName(entry.resourceId)}</strong>
              </Typography>
              <Typography variant="body2" color="textSecondary">
                IP use unknown: the subnet could not be read, so nothing is said
                about its room.
              </Typography>
            </Box>
          ))}
          {pod && <PodCidrUseBar use={pod} />}
        </Grid>
        <Grid item xs={12} md={6}>
          <Heading>Security posture</Heading>
          <SecurityChecks posture={posture} />
        </Grid>
        <Grid item xs={12} md={6}>
          <Heading>Flow logs and traffic</Heading>
          <ClusterLinksList links={links} flowLogsRead={flowLogsRead} />
          <Box mt={1}>
            <AcnsCostNote cluster={cluster} posture={posture} />
          </Box>
        </Grid>
        <Grid item xs={12} md={6}>
          <Heading>Other findings</Heading>
          {others.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              None.
            </Typography>
          ) : (
            others.map(finding => (
              <FindingItem
                key={`${finding.id}:${finding.resourceId ?? ''}`}
                finding={finding}
              />
            ))
          )}
        </Grid>
        {props.children && (
          <Grid item xs={12}>
            {props.children}
          </Grid>
        )}
        <Grid item xs={12}>
          <OverlayPath
            cluster={cluster}
            posture={posture}
            clusterEntity={props.clusterEntity}
            clusterEntityRef={entityRef}
            template={props.overlayTemplate}
          />
        </Grid>
      </Grid>
    </Box>
  );
}
