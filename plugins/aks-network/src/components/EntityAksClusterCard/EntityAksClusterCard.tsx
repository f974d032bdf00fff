import { AKS_ANNOTATIONS } from '@aks-network/plugin-aks-network-common';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ClusterNetworkSection } from '../network/ClusterNetworkSection';
import { LoadFailure } from '../network/LoadFailure';
import { SyncNotice } from '../network/SyncNotice';
import { useEntityPosture } from '../network/useEntityPosture';
import { AddonsList } from './AddonsList';
import { NodePoolsTable } from './NodePoolsTable';
import { unreadParts } from './unreadParts';

/**
 * Props of {@link EntityAksClusterCard}.
 *
 * @public
 */
export interface EntityAksClusterCardProps {
  /** The template "Request an overlay cluster" opens; `template:default/aks-overlay-cluster` by default. */
  overlayTemplate?: string;
}

/**
 * One cluster's network on its own page (a kubernetes-cluster resource): what the
 * posture card shows, plus its node pools, its addons, when it was read and what could
 * not be read.
 *
 * @public
 */
export function EntityAksClusterCard(props: EntityAksClusterCardProps) {
  const { entity } = useEntity();
  const hasArmId = Boolean(
    entity.metadata.annotations?.[AKS_ANNOTATIONS.resourceId],
  );
  const { value, loading, error, retry } = useEntityPosture({
    skip: !hasArmId,
  });
  let content;
  if (!hasArmId) {
    content = (
      <MissingAnnotationEmptyState annotation={AKS_ANNOTATIONS.resourceId} />
    );
  } else if (loading && !value) {
    content = <Progress />;
  } else if (error) {
    content = <LoadFailure error={error} onRetry={retry} />;
  } else if (value && value.clusters.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title="This cluster is not in the AKS inventory"
        description={
          value.unresolved.map(link => link.reason).join('; ') ||
          'The inventory has not read it yet; it appears after the next sync.'
        }
      />
    );
  } else if (value) {
    const item = value.clusters[0];
    const unread = unreadParts(item.cluster);
    content = (
      <>
        <ClusterNetworkSection
          item={item}
          clusterEntity={entity}
          overlayTemplate={props.overlayTemplate}
        >
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <Typography variant="subtitle2" gutterBottom>
                Node pools
              </Typography>
              <NodePoolsTable cluster={item.cluster} />
            </Grid>
            <Grid item xs={12} md={6}>
              <Typography variant="subtitle2" gutterBottom>
                Addons
              </Typography>
              <AddonsList cluster={item.cluster} />
            </Grid>
            <Grid item xs={12} md={6}>
              <Typography variant="subtitle2" gutterBottom>
                Not read
              </Typography>
              {unread.length === 0 ? (
                <Typography variant="body2" color="textSecondary">
                  Everything the checks need was read.
                </Typography>
              ) : (
                unread.map(part => (
                  <Typography key={part} variant="body2">
                    {part}
                  </Typography>
                ))
              )}
            </Grid>
          </Grid>
        </ClusterNetworkSection>
        <SyncNotice lastSync={value.lastSync} />
      </>
    );
  }
  return (
    <InfoCard
      title="AKS cluster network"
      subheader="Network model, IP use, security posture, node pools and addons"
    >
      <div data-testid="aks-cluster-card">{content}</div>
    </InfoCard>
  );
}
