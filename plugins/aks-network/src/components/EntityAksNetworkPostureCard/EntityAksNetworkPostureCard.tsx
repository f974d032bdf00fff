import { InfoCard, Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import { Fragment } from 'react';
import { ClusterNetworkSection } from '../network/ClusterNetworkSection';
import { LoadFailure } from '../network/LoadFailure';
import { SyncNotice } from '../network/SyncNotice';
import { UnresolvedLinks } from '../network/UnresolvedLinks';
import { useEntityPosture } from '../network/useEntityPosture';
import { HowToLinkClusters } from './HowToLinkClusters';

/**
 * Props of {@link EntityAksNetworkPostureCard}.
 *
 * @public
 */
export interface EntityAksNetworkPostureCardProps {
  /** The template "Request an overlay cluster" opens; `template:default/aks-overlay-cluster` by default. */
  overlayTemplate?: string;
}

/**
 * The network of every cluster a component runs on: model, IP use, the three security
 * checks, flow-log links, the cost of closing the visibility gap and the way to
 * overlay. One request for the whole card.
 *
 * @public
 */
export function EntityAksNetworkPostureCard(
  props: EntityAksNetworkPostureCardProps,
) {
  const { entity, value, loading, error, retry } = useEntityPosture();
  let content;
  if (loading && !value) {
    content = <Progress />;
  } else if (error) {
    content = <LoadFailure error={error} onRetry={retry} />;
  } else if (
    value &&
    value.clusters.length === 0 &&
    value.unresolved.length === 0
  ) {
    content = <HowToLinkClusters name={entity.metadata.name} />;
  } else if (value) {
    content = (
      <>
        <UnresolvedLinks links={value.unresolved} />
        {value.clusters.map((item, index) => (
          <Fragment key={item.cluster.id}>
            {index > 0 && (
              <Box mb={3}>
                <Divider />
              </Box>
            )}
            <ClusterNetworkSection
              item={item}
              overlayTemplate={props.overlayTemplate}
            />
          </Fragment>
        ))}
        <SyncNotice lastSync={value.lastSync} />
      </>
    );
  }
  return (
    <InfoCard
      title="AKS network"
      subheader={`Clusters ${entity.metadata.name} runs on: network model, IP use and security posture`}
    >
      <div data-testid="aks-network-posture-card">{content}</div>
    </InfoCard>
  );
}
