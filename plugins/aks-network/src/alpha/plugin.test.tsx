import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import {
  addressPool,
  fleetCluster,
  fleetPage,
  fleetSummary,
  subscription,
} from '../__fixtures__/fleet';
import { record, SUB } from '../__fixtures__/clusters';
import { aksNetworkApiRef } from '../api/aksNetworkApiRef';
import plugin from './plugin';
import { aksFleetPage } from './pages';

// The page's chunk, the app and material-table render slowly on a shared core.
jest.setTimeout(30_000);

describe('the plugin in the new frontend system', () => {
  it('is the aks-network plugin with its API, cards and page', () => {
    expect(plugin.id).toBe('aks-network');
  });

  it('renders the fleet page from its extension, with the app API', async () => {
    const listFleetClusters = jest.fn(async () =>
      fleetPage([
        fleetCluster(record('flat', { name: 'aks-billing-legacy-weu' })),
      ]),
    );
    renderInTestApp(createExtensionTester(aksFleetPage).reactElement(), {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [
          aksNetworkApiRef,
          {
            getFleetSummary: async () => fleetSummary(),
            listFleetClusters,
            listAddressPools: async () => ({
              items: [
                addressPool('nonprod-weu', {
                  totalSubnets: 128,
                  freeSubnets: 120,
                  liveReservations: 1,
                  readAt: '2026-12-01T09:00:00.000Z',
                }),
              ],
              totalCount: 1,
            }),
            listSubscriptions: async () => ({
              items: [subscription(SUB, 'Platform Non-Production')],
            }),
          },
        ],
      ],
    });
    expect(
      await screen.findByText('aks-billing-legacy-weu'),
    ).toBeInTheDocument();
    expect(listFleetClusters).toHaveBeenCalledWith(
      expect.objectContaining({ limit: 25, offset: 0 }),
    );
  });
});
