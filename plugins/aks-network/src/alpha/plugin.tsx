import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import RouterIcon from '@material-ui/icons/Router';
import { overlayTemplateRouteRef, rootRouteRef } from '../routes';
import { aksNetworkApi } from './apis';
import {
  entityAksClusterCard,
  entityAksNetworkPostureCard,
} from './entityCards';
import { aksFleetPage } from './pages';

/**
 * The AKS network plugin for the new frontend system: its API, the posture and cluster
 * cards, and the fleet page. Bind `externalRoutes.overlayTemplate` to the scaffolder's
 * `selectedTemplate` route for the "Request an overlay cluster" button.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'aks-network',
  title: 'AKS network',
  icon: <RouterIcon fontSize="inherit" />,
  extensions: [
    aksNetworkApi,
    entityAksNetworkPostureCard,
    entityAksClusterCard,
    aksFleetPage,
  ],
  routes: { root: rootRouteRef },
  externalRoutes: { overlayTemplate: overlayTemplateRouteRef },
});
