import {
  ADDRESS_POOL_PAGE_LIMITS,
  type AksNetworkApi,
} from '@aks-network/plugin-aks-network-common';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { record, responseError, SUB } from '../../__fixtures__/clusters';
import {
  addressPool,
  emptyFleetSummary,
  FLEET_NOW,
  fleetCluster,
  fleetPage,
  fleetSummary,
  LAST_SYNC,
  subscription,
} from '../../__fixtures__/fleet';
import { aksNetworkApiRef } from '../../api/aksNetworkApiRef';
import { formatTime } from '../network/labels';
import { AksFleetPage } from './AksFleetPage';

type FleetApi = Pick<
  AksNetworkApi,
  | 'getFleetSummary'
  | 'listFleetClusters'
  | 'listSubscriptions'
  | 'listAddressPools'
>;

function fleetApi(overrides: Partial<FleetApi> = {}) {
  return {
    getFleetSummary: jest.fn(
      overrides.getFleetSummary ?? (async () => fleetSummary()),
    ),
    listFleetClusters: jest.fn(
      overrides.listFleetClusters ??
        (async () => fleetPage([fleetCluster(record('overlay'))])),
    ),
    listSubscriptions: jest.fn(
      overrides.listSubscriptions ??
        (async () => ({ items: [subscription(SUB, 'Payments prod')] })),
    ),
    listAddressPools: jest.fn(
      overrides.listAddressPools ??
        (async () => ({ items: [], totalCount: 0 })),
    ),
  };
}

async function renderPage(api: ReturnType<typeof fleetApi>) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [aksNetworkApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <AksFleetPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

// The page renders a Backstage table whose tree is large: room on a shared CI core.
jest.setTimeout(30_000);

const never = () => new Promise<never>(() => {});

describe('AksFleetPage', () => {
  it('names the page and shows progress while the totals and pools load, holding the table back', async () => {
    const api = fleetApi({ getFleetSummary: never, listAddressPools: never });
    await renderPage(api);
    expect(
      screen.getByRole('heading', { name: 'AKS network' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Every cluster of the inventory: network model, IP use and security posture',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading the fleet totals',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Loading address pools' }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('aks-fleet-clusters')).not.toBeInTheDocument();
    expect(api.listFleetClusters).not.toHaveBeenCalled();
  });

  it('says where clusters come from when the inventory is empty, when the sync last ran and which subscription failed', async () => {
    const api = fleetApi({
      getFleetSummary: async () => emptyFleetSummary(),
      listSubscriptions: async () => ({
        items: [
          subscription(SUB, 'Payments prod', { clusterCount: 0 }),
          subscription('0f0e0d0c-0000-4000-8000-000000000001', 'Shared dev', {
            status: 'failed',
            error: 'AuthorizationFailed: the client has no read access',
            clusterCount: 0,
          }),
        ],
      }),
    });
    await renderPage(api);
    expect(
      await screen.findByText('No cluster in the inventory yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/configured under aksNetwork\.azure/),
    ).toHaveTextContent(
      `It last ran ${formatTime(
        FLEET_NOW,
      )} (every subscription was read in full).`,
    );
    expect(
      await screen.findByText(
        'Shared dev could not be read: AuthorizationFailed: the client has no read access',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Payments prod could not be read'),
    ).not.toBeInTheDocument();
    expect(screen.queryByTestId('aks-fleet-totals')).not.toBeInTheDocument();
    expect(screen.queryByTestId('aks-fleet-clusters')).not.toBeInTheDocument();
    expect(api.listFleetClusters).not.toHaveBeenCalled();
  });

  it('says the sync has not run yet when an empty inventory has no sync', async () => {
    await renderPage(
      fleetApi({ getFleetSummary: async () => emptyFleetSummary(null) }),
    );
    expect(
      await screen.findByText(/configured under aksNetwork\.azure/),
    ).toHaveTextContent('It has not finished a run yet.');
  });

  it('shows the backend error of the totals and asks again on Retry, the table loading all the same', async () => {
    let calls = 0;
    const api = fleetApi({
      getFleetSummary: async () => {
        calls += 1;
        if (calls === 1) {
          throw await responseError(
            403,
            'NotAllowedError',
            'Missing permission aks-network.cluster.read',
          );
        }
        return fleetSummary();
      },
    });
    await renderPage(api);
    expect(
      (
        await screen.findAllByText(
          /Missing permission aks-network.cluster.read/,
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByTestId('aks-fleet-totals')).not.toBeInTheDocument();
    expect(await screen.findByText('aks-overlay-weu')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    const clusters = await screen.findByRole('group', { name: 'Clusters' });
    expect(clusters).toHaveTextContent(/^42clusters in the inventory$/);
    expect(api.getFleetSummary).toHaveBeenCalledTimes(2);
    // The table stayed where it was while the totals were asked for again.
    expect(api.listFleetClusters).toHaveBeenCalledTimes(1);
    expect(
      screen.queryByText(/Missing permission aks-network.cluster.read/),
    ).not.toBeInTheDocument();
  });

  it('writes out every total of the summary', async () => {
    await renderPage(fleetApi());
    const group = async (name: string) => screen.findByRole('group', { name });
    expect(await group('Clusters')).toHaveTextContent(/^42clusters/);
    expect(await group('Azure CNI Overlay')).toHaveTextContent(
      /^21 Azure CNI Overlay$/,
    );
    expect(await group('Azure CNI, pod subnet')).toHaveTextContent(/^5 /);
    expect(await group('Azure CNI, flat (node subnet)')).toHaveTextContent(
      /^9 /,
    );
    expect(await group('kubenet')).toHaveTextContent(/^4 kubenet$/);
    expect(await group('Bring your own CNI')).toHaveTextContent(/^2 /);
    expect(await group('Network model unknown')).toHaveTextContent(
      /^1 network model unknown/,
    );
    expect(await group('VNet IPs saved by overlay')).toHaveTextContent(
      /^12,345VNet IPs the overlay clusters save against flat Azure CNI/,
    );
    expect(
      await group('Failing: Egress and ingress monitored'),
    ).toHaveTextContent('Egress and ingress monitored: 7 clusters failing');
    expect(
      await group('Failing: Same-node pod-to-pod visible'),
    ).toHaveTextContent('Same-node pod-to-pod visible: 18 clusters failing');
    expect(
      await group('Failing: History of communications kept'),
    ).toHaveTextContent('History of communications kept: 11 clusters failing');
    // Status in an icon with its own name beside the words, not colour alone.
    expect(
      within(
        await group('Failing: History of communications kept'),
      ).getByLabelText('Status error'),
    ).toBeInTheDocument();
    // Unknown is counted apart, neither failing nor passing.
    const unknownHistory = within(
      await group('Failing: History of communications kept'),
    );
    expect(
      unknownHistory.getByText(
        '4 clusters unknown: what the check needs could not be read',
      ),
    ).toBeInTheDocument();
    expect(unknownHistory.getByLabelText('Status pending')).toBeInTheDocument();
    const gap = await group('Closing the same-node gap with ACNS');
    expect(gap).toHaveTextContent(/^\$2,190\.00a month of ACNS observability/);
    expect(gap).toHaveTextContent(
      'on the 12 clusters that lack it and can run ACNS',
    );
    expect(gap).toHaveTextContent('($0.025 per node-hour, 730 h a month)');
    expect(await group('Same-node gap without ACNS')).toHaveTextContent(
      /^6clusters lack same-node visibility and cannot run ACNS .*their way is a new overlay cluster/,
    );
    expect(await group('On kubenet')).toHaveTextContent(
      '4 clusters on kubenet, which retires 2028-03-31',
    );
    expect(await group('On NSG flow logs')).toHaveTextContent(
      '3 clusters relying on NSG flow logs, which retire 2027-09-30',
    );
    expect(await group('Stale clusters')).toHaveTextContent(
      /^2 clusters stale: the last read of their subscription failed/,
    );
    expect(
      screen.getByText(`Inventory synced ${formatTime(LAST_SYNC.finishedAt)}`),
    ).toBeInTheDocument();
  });

  it('says all clear in words where nothing fails, and names a partial sync', async () => {
    await renderPage(
      fleetApi({
        getFleetSummary: async () =>
          fleetSummary({
            failing: {
              egressIngressMonitored: 0,
              samePodToPodVisible: 1,
              historyKept: 0,
            },
            retiring: { kubenet: 0, nsgFlowLogs: 0 },
            stale: 0,
            lastSync: { ...LAST_SYNC, status: 'partial', complete: false },
          }),
      }),
    );
    const egress = await screen.findByRole('group', {
      name: 'Failing: Egress and ingress monitored',
    });
    expect(egress).toHaveTextContent(
      'Egress and ingress monitored: no cluster failing',
    );
    expect(within(egress).getByLabelText('Status ok')).toBeInTheDocument();
    expect(
      screen.getByRole('group', {
        name: 'Failing: Same-node pod-to-pod visible',
      }),
    ).toHaveTextContent('Same-node pod-to-pod visible: 1 cluster failing');
    expect(screen.getByRole('group', { name: 'On kubenet' })).toHaveTextContent(
      '0 clusters on kubenet',
    );
    expect(
      within(screen.getByRole('group', { name: 'On kubenet' })).getByLabelText(
        'Status ok',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Stale clusters' }),
    ).toHaveTextContent('No cluster is stale');
    expect(
      screen.getByText(/\(partial: some subscriptions were not read in full\)/),
    ).toBeInTheDocument();
  });

  it('draws each pool with its free node subnets, and says why when its VNet could not be read', async () => {
    const api = fleetApi({
      listAddressPools: async () => ({
        items: [
          addressPool('prod-weu', {
            totalSubnets: 128,
            freeSubnets: 100,
            liveReservations: 2,
            readAt: FLEET_NOW,
          }),
          addressPool(
            'dev-neu',
            {
              error: 'ResourceNotFound: vnet-dev-neu was not found',
              readAt: FLEET_NOW,
            },
            { region: 'northeurope', range: '10.250.0.0/22', subnetPrefix: 28 },
          ),
        ],
        totalCount: 2,
      }),
    });
    await renderPage(api);
    const pools = await screen.findAllByTestId('aks-address-pool');
    expect(pools).toHaveLength(2);
    const [prod, dev] = pools;
    expect(prod).toHaveTextContent(
      'prod-weu · VNet vnet-prod-weu (rg-network-prod-weu) · westeurope · 10.240.16.0/20 · node subnets /27',
    );
    expect(prod).toHaveTextContent(
      '100 of 128 /27s free · 2 live reservations',
    );
    expect(
      within(prod).getByRole('img', {
        name: 'Node subnets of prod-weu: Taken: 28, Free: 100',
      }),
    ).toBeInTheDocument();
    expect(dev).toHaveTextContent(
      'northeurope · 10.250.0.0/22 · node subnets /28',
    );
    expect(dev).toHaveTextContent('VNet vnet-dev-neu could not be read');
    expect(dev).toHaveTextContent(
      'ResourceNotFound: vnet-dev-neu was not found',
    );
    expect(dev).toHaveTextContent('No count of free /28s is given without it.');
    expect(within(dev).getByLabelText('Status warning')).toBeInTheDocument();
    expect(within(dev).queryByRole('img')).not.toBeInTheDocument();
    expect(dev).not.toHaveTextContent(/\d+ of \d+/);
    expect(api.listAddressPools).toHaveBeenCalledWith({
      capacity: true,
      limit: ADDRESS_POOL_PAGE_LIMITS.max,
    });
  });

  it('shows the pools error apart and asks again on its own Retry', async () => {
    let calls = 0;
    const api = fleetApi({
      listAddressPools: async () => {
        calls += 1;
        if (calls === 1) {
          throw await responseError(
            503,
            'ServiceUnavailable',
            'Azure did not answer',
          );
        }
        return { items: [], totalCount: 0 };
      },
    });
    await renderPage(api);
    const card = await screen.findByTestId('aks-address-pools');
    expect(
      (await within(card).findAllByText(/Azure did not answer/)).length,
    ).toBeGreaterThan(0);
    // The rest of the page is not held back by the pools.
    expect(
      await screen.findByRole('group', { name: 'Clusters' }),
    ).toBeInTheDocument();
    fireEvent.click(within(card).getByRole('button', { name: 'Retry' }));
    expect(
      await within(card).findByText(/No address pool is defined/),
    ).toBeInTheDocument();
    expect(api.listAddressPools).toHaveBeenCalledTimes(2);
    await waitFor(() =>
      expect(
        within(card).queryByText(/Azure did not answer/),
      ).not.toBeInTheDocument(),
    );
  });
});
