import type { ApiCluster } from '@aks-network/plugin-aks-network-common';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { overlayTemplateRouteRef } from '../../routes';
import { overlayRequestFormData } from './overlayRequestFormData';

/** The template that creates overlay clusters, as shipped in `templates/`. */
export const DEFAULT_OVERLAY_TEMPLATE = 'template:default/aks-overlay-cluster';

/**
 * Opens the overlay template pre-filled for this cluster (the scaffolder takes
 * `formData` from the URL). The cluster entity is read when the button is pressed, not
 * with the page: the card itself makes one request.
 */
export function RequestOverlayClusterButton(props: {
  cluster: ApiCluster;
  /** The cluster's entity when the page has it; else read by `clusterEntityRef`. */
  clusterEntity?: Entity;
  clusterEntityRef?: string | null;
  template?: string;
}) {
  const templatePage = useRouteRef(overlayTemplateRouteRef);
  const catalogApi = useApi(catalogApiRef);
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (!templatePage) {
    return null;
  }
  const template = parseEntityRef(props.template ?? DEFAULT_OVERLAY_TEMPLATE, {
    defaultKind: 'template',
    defaultNamespace: 'default',
  });
  const open = async () => {
    setBusy(true);
    let entity = props.clusterEntity;
    if (!entity && props.clusterEntityRef) {
      // Without it the form still opens, with what the inventory knows.
      entity = await catalogApi
        .getEntityByRef(props.clusterEntityRef)
        .catch(() => undefined);
    }
    const formData = overlayRequestFormData(props.cluster, entity);
    navigate(
      `${templatePage({
        namespace: template.namespace,
        templateName: template.name,
      })}?formData=${encodeURIComponent(JSON.stringify(formData))}`,
    );
  };
  return (
    <Button variant="contained" color="primary" onClick={open} disabled={busy}>
      Request an overlay cluster
    </Button>
  );
}
