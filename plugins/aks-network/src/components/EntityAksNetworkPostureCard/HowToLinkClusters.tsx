import { AKS_ANNOTATIONS } from '@aks-network/plugin-aks-network-common';
import { MissingAnnotationEmptyState } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/**
 * What a component owner does to see its clusters here: the cluster's `component` tag
 * (the catalog module makes the cluster a dependency of the component), the
 * component's own `spec.dependsOn`, or the `aks.azure.com/clusters` annotation.
 */
export function HowToLinkClusters(props: { name: string }) {
  return (
    <Box data-testid="aks-how-to-link">
      <Typography variant="body1" gutterBottom>
        No AKS cluster is linked to {props.name}.
      </Typography>
      <Typography variant="body2" paragraph>
        Link them in one of three ways: tag the cluster in Azure with{' '}
        <code>component: {props.name}</code> (the catalog then shows the
        component depending on it); list the cluster entities in the component's{' '}
        <code>spec.dependsOn</code> (for example{' '}
        <code>resource:default/aks-payments-prod-weu-…</code>); or name them in
        the annotation below, as ARM ids or cluster entity refs separated by
        commas.
      </Typography>
      <MissingAnnotationEmptyState annotation={AKS_ANNOTATIONS.clusters} />
    </Box>
  );
}
