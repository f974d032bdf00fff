import type {
  ApiSubscription,
  FleetClusterPage,
  FleetClusterQuery,
} from '@aks-network/plugin-aks-network-common';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  record,
  responseError,
  SUB,
  watchedOverlay,
} from '../../__fixtures__/clusters';
import {
  fleetCluster,
  fleetPage,
  fleetSummary,
  subscription,
} from '../../__fixtures__/fleet';
import { aksNetworkApiRef } from '../../api/aksNetworkApiRef';
import { formatTime } from '../network/labels';
import { AksFleetPage } from './AksFleetPage';

// material-table renders its whole tree again on every query: give a test with a
// few queries room on a shared CI core.
jest.setTimeout(30_000);

const OTHER_SUB = '0f0e0d0c-0000-4000-8000-000000000002';

/** A fleet of several models, one of each kind of partial data. */
function rows() {
  return [
    fleetCluster(watchedOverlay().cluster),
    fleetCluster(record('flat')),
    fleetCluster(record('kubenet')),
    fleetCluster(record('byo'), { subscriptionId: OTHER_SUB, owner: null }),
    // The VNet usages API gave no use for its subnet.
    fleetCluster(
      record(
        'overlay',
        { name: 'aks-nousage-weu' },
        { prefix: '10.240.0.32/27' },
      ),
    ),
    fleetCluster(record('cilium', { name: 'aks-stale-weu' }), {
      stale: {
        error: 'AuthorizationFailed: the client has no read access',
        since: '2026-11-30T08:00:00.000Z',
      },
      lastSeenAt: '2026-11-30T07:00:00.000Z',
    }),
  ];
}

async function renderTable(
  listFleetClusters: (
    query?: FleetClusterQuery,
  ) => Promise<FleetClusterPage> = async () => fleetPage(rows(), 5000),
  listSubscriptions: () => Promise<{
    items: ApiSubscription[];
  }> = async () => ({ items: [subscription(SUB, 'Payments prod')] }),
) {
  const api = {
    getFleetSummary: jest.fn(async () => fleetSummary()),
    listSubscriptions: jest.fn(listSubscriptions),
    listAddressPools: jest.fn(async () => ({ items: [], totalCount: 0 })),
    listFleetClusters: jest.fn(listFleetClusters),
  };
  await renderInTestApp(
    <TestApiProvider apis={[[aksNetworkApiRef, api]]}>
      <AksFleetPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

/** The cells of a cluster's row, in column order. */
function cellsOf(name: string): string[] {
  const row = screen.getByRole('link', { name }).closest('tr')!;
  return within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent ?? '');
}

const COLUMNS = [
  'Cluster',
  'Model',
  'Region',
  'Subscription',
  'Owner',
  'Nodes',
  'Node subnet use',
  'Pod capacity',
  'Egress/ingress',
  'Same-node visible',
  'History',
  'ACNS a month',
];

function lastQuery(api: { listFleetClusters: jest.Mock }): FleetClusterQuery {
  const calls = api.listFleetClusters.mock.calls;
  return calls[calls.length - 1][0];
}

describe('FleetClusterTable', () => {
  it('asks the backend for the first page only, and shows a row per cluster of every model', async () => {
    const api = await renderTable();
    expect(
      await screen.findByRole('link', { name: 'aks-flat-weu' }),
    ).toBeInTheDocument();
    expect(api.listFleetClusters).toHaveBeenCalledTimes(1);
    expect(api.listFleetClusters).toHaveBeenCalledWith({
      limit: 25,
      offset: 0,
    });
    expect(
      screen.getAllByRole('columnheader').map(header => header.textContent),
    ).toEqual(COLUMNS);

    // Names of subscriptions the inventory knows, and the catalog entity of the cluster.
    await waitFor(() =>
      expect(cellsOf('aks-payments-prod-weu')[3]).toBe('Payments prod'),
    );
    expect(
      screen.getByRole('link', { name: 'aks-payments-prod-weu' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/aks-payments-prod-weu-0a1b2c3d',
    );
    // 3 used + 1 surge of the 27 usable IPs of a /27 (Azure keeps 5); a /16 pod CIDR
    // holds 256 nodes; ACNS on, 3 nodes × $0.025 × 730 h.
    expect(cellsOf('aks-payments-prod-weu')).toEqual([
      'aks-payments-prod-weu',
      'Azure CNI OverlayAzure dataplane',
      'westeurope',
      'Payments prod',
      'team-payments',
      '3',
      '15%3+1 of 27 IPs',
      '3+1 of 256 nodes10.244.0.0/16',
      'Pass',
      'Pass',
      'Pass',
      '$54.75on',
    ]);
    // Flat Azure CNI: the surge node takes 1 + 30 IPs, more than the subnet has.
    expect(cellsOf('aks-flat-weu')).toEqual([
      'aks-flat-weu',
      'Azure CNI, flat (node subnet)Azure dataplane',
      'westeurope',
      'Payments prod',
      'team-payments',
      '3',
      '126%: an upgrade would not fit3+31 of 27 IPs',
      '—',
      'Fail',
      'Fail',
      'Fail',
      '$54.75off',
    ]);
    const flatRow = screen
      .getByRole('link', { name: 'aks-flat-weu' })
      .closest('tr')!;
    expect(
      within(flatRow).getAllByLabelText('Status error').length,
    ).toBeGreaterThan(0);

    const kubenet = cellsOf('aks-kubenet-weu');
    // The model with its dataplane under it: kubenet has no Azure dataplane.
    expect(kubenet[1]).toBe('kubenetNo Azure dataplane');
    expect(kubenet[6]).toBe('unknownno node subnet known');
    expect(kubenet[7]).toBe('3+1 of 256 nodes10.244.0.0/16');
    expect(kubenet[11]).toBe('—cannot run on this model');

    const byo = cellsOf('aks-byo-weu');
    expect(byo[1]).toBe('Bring your own CNINo Azure dataplane');
    // A subscription the inventory has no name for shows its id; no owner tag is said.
    expect(byo[3]).toBe(OTHER_SUB);
    expect(byo[4]).toBe('no owner tag');
    expect(byo[7]).toBe('—');

    expect(cellsOf('aks-nousage-weu')[6]).toBe(
      'unknownthe VNet usages API gave no use',
    );

    const stale = cellsOf('aks-stale-weu');
    expect(stale[0]).toBe(
      `aks-stale-weuStale since ${formatTime(
        '2026-11-30T08:00:00.000Z',
      )}: last good read ${formatTime(
        '2026-11-30T07:00:00.000Z',
      )} (AuthorizationFailed: the client has no read access)`,
    );
    expect(stale[1]).toBe('Azure CNI OverlayCilium dataplane');
  });

  it('asks the server to sort by node subnet use when its header is clicked, and the other way on a second click', async () => {
    const api = await renderTable();
    await screen.findByRole('link', { name: 'aks-flat-weu' });
    const sorted = screen.getByTestId('aks-fleet-sort');
    expect(sorted).toHaveTextContent('Sorted by cluster name, ascending.');
    fireEvent.click(screen.getByRole('button', { name: 'Node subnet use' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        sort: 'nodeSubnetUse',
        order: 'asc',
        limit: 25,
        offset: 0,
      }),
    );
    // The header knows its way once the page it asked for has come.
    await waitFor(() =>
      expect(sorted).toHaveTextContent(
        'Sorted by node subnet use, ascending; clusters whose value is unknown come last.',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Node subnet use' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        sort: 'nodeSubnetUse',
        order: 'desc',
        limit: 25,
        offset: 0,
      }),
    );
    await waitFor(() =>
      expect(sorted).toHaveTextContent('Sorted by node subnet use, descending'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'ACNS a month' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        sort: 'acnsMonthlyCostUsd',
        order: 'asc',
      }),
    );
    expect(api.listFleetClusters).toHaveBeenCalledTimes(4);
    // Columns the server does not sort by offer no sort button.
    for (const title of ['Egress/ingress', 'Same-node visible', 'History']) {
      expect(
        screen.queryByRole('button', { name: title }),
      ).not.toBeInTheDocument();
    }
  });

  it('re-queries from the first page with the failing check and the network model chosen', async () => {
    const api = await renderTable();
    await screen.findByRole('link', { name: 'aks-flat-weu' });
    fireEvent.click(screen.getByRole('button', { name: 'Next Page' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({ limit: 25, offset: 25 }),
    );

    fireEvent.change(screen.getByLabelText('Failing check'), {
      target: { value: 'samePodToPodVisible' },
    });
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        failingCheck: 'samePodToPodVisible',
        limit: 25,
        offset: 0,
      }),
    );
    fireEvent.change(screen.getByLabelText('Network model'), {
      target: { value: 'kubenet' },
    });
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        networkModel: 'kubenet',
        failingCheck: 'samePodToPodVisible',
        limit: 25,
        offset: 0,
      }),
    );
    fireEvent.change(screen.getByLabelText('Failing check'), {
      target: { value: '' },
    });
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        networkModel: 'kubenet',
        limit: 25,
        offset: 0,
      }),
    );
    expect(api.listFleetClusters).toHaveBeenCalledTimes(5);
  });

  it('pages on the server: the next page asks for the offset, a bigger page for the limit', async () => {
    const api = await renderTable();
    await screen.findByRole('link', { name: 'aks-flat-weu' });
    expect(screen.getAllByText('1-25 of 5000').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Next Page' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({ limit: 25, offset: 25 }),
    );
    expect(
      (await screen.findAllByText('26-50 of 5000')).length,
    ).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Next Page' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({ limit: 25, offset: 50 }),
    );

    fireEvent.mouseDown(screen.getByRole('button', { name: /25 rows/ }));
    const options = within(await screen.findByRole('listbox')).getAllByRole(
      'option',
    );
    expect(options.map(option => option.textContent)).toEqual([
      '25',
      '50',
      '100',
    ]);
    fireEvent.click(options[2]);
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({ limit: 100, offset: 0 }),
    );
  });

  it('searches cluster names on the server', async () => {
    const api = await renderTable();
    await screen.findByRole('link', { name: 'aks-flat-weu' });
    fireEvent.change(screen.getByPlaceholderText('Search cluster names'), {
      target: { value: '  payments ' },
    });
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        search: 'payments',
        limit: 25,
        offset: 0,
      }),
    );
  });

  it('says when no cluster matches the filters', async () => {
    await renderTable(async query =>
      query?.failingCheck ? fleetPage([], 0) : fleetPage(rows(), 6),
    );
    await screen.findByRole('link', { name: 'aks-flat-weu' });
    fireEvent.change(screen.getByLabelText('Failing check'), {
      target: { value: 'historyKept' },
    });
    expect(
      await screen.findByText('No cluster matches the search and filters.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'aks-flat-weu' }),
    ).not.toBeInTheDocument();
  });

  it('shows the backend error of the table and asks for the same page again on Retry', async () => {
    let calls = 0;
    const api = await renderTable(async () => {
      calls += 1;
      if (calls === 2) {
        throw await responseError(
          400,
          'InputError',
          'offset must be at most 1000000',
        );
      }
      return fleetPage(rows(), 5000);
    });
    await screen.findByRole('link', { name: 'aks-flat-weu' });
    fireEvent.click(screen.getByRole('button', { name: 'Next Page' }));
    const table = screen.getByTestId('aks-fleet-clusters');
    expect(
      (await within(table).findAllByText(/offset must be at most 1000000/))
        .length,
    ).toBeGreaterThan(0);
    expect(
      within(table).getByText(
        'The clusters could not be loaded: see the error above.',
      ),
    ).toBeInTheDocument();
    fireEvent.click(within(table).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('link', { name: 'aks-flat-weu' }),
    ).toBeInTheDocument();
    expect(api.listFleetClusters).toHaveBeenCalledTimes(3);
    expect(lastQuery(api)).toEqual({ limit: 25, offset: 25 });
    expect(
      within(table).queryByText(/offset must be at most/),
    ).not.toBeInTheDocument();
  });

  it('shows subscription ids, and says why, when their names cannot be read', async () => {
    await renderTable(undefined, async () => {
      throw new Error('subscriptions unavailable');
    });
    await screen.findByRole('link', { name: 'aks-flat-weu' });
    expect(cellsOf('aks-flat-weu')[3]).toBe(SUB);
    expect(
      screen.getByText(
        'Subscription names could not be read (subscriptions unavailable): the table shows their ids.',
      ),
    ).toBeInTheDocument();
  });
});
