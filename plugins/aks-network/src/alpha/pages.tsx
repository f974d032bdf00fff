import { PageBlueprint } from '@backstage/frontend-plugin-api';
import RouterIcon from '@material-ui/icons/Router';
import { rootRouteRef } from '../routes';

/**
 * The fleet page at `/aks-network`; its title and icon put it in the sidebar (the new
 * frontend system builds the nav from pages).
 *
 * @alpha
 */
export const aksFleetPage = PageBlueprint.make({
  params: {
    path: '/aks-network',
    routeRef: rootRouteRef,
    title: 'AKS network',
    icon: <RouterIcon fontSize="inherit" />,
    loader: () =>
      import('../components/AksFleetPage').then(m => <m.AksFleetPage />),
  },
});
