import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

/** The fleet page (`AksFleetPage`). */
export const rootRouteRef = createRouteRef({ id: 'aks-network' });

/**
 * Where "Request an overlay cluster" leads: the scaffolder's page of one template
 * (bind it to `scaffolderPlugin.routes.selectedTemplate`). Optional: unbound, the cards
 * show the way to overlay without the button.
 */
export const overlayTemplateRouteRef = createExternalRouteRef({
  id: 'aks-network-overlay-template',
  params: ['namespace', 'templateName'],
  optional: true,
  // The new frontend system binds it to the scaffolder by default.
  defaultTarget: 'scaffolder.selectedTemplate',
});
