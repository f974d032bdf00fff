import type { AksNetworkApi } from '@aks-network/plugin-aks-network-common';
import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  posture,
  postureCluster,
  record,
  responseError,
  watchedOverlay,
  SUB,
} from '../../__fixtures__/clusters';
import { aksNetworkApiRef } from '../../api/aksNetworkApiRef';
import { overlayTemplateRouteRef } from '../../routes';
import { EntityAksClusterCard } from './EntityAksClusterCard';

const VNET_ID = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-weu`;

function clusterEntity(name: string, armId?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `${name}-0a1b2c3d`,
      namespace: 'default',
      annotations: armId ? { 'management.azure.com/resourceId': armId } : {},
    },
    spec: {
      type: 'kubernetes-cluster',
      owner: 'group:default/team-payments',
      dependencyOf: ['component:default/payments-api'],
    },
  };
}

async function renderCard(
  entity: Entity,
  getEntityPosture: AksNetworkApi['getEntityPosture'],
) {
  const api = { getEntityPosture: jest.fn(getEntityPosture) };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [aksNetworkApiRef, api],
        [catalogApiRef, { getEntityByRef: jest.fn() }],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityAksClusterCard />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/create/templates/:namespace/:templateName': overlayTemplateRouteRef,
      },
    },
  );
  return api;
}

describe('EntityAksClusterCard', () => {
  it('shows the cluster with its node pools, addons, read time and what was read', async () => {
    const item = watchedOverlay();
    const api = await renderCard(
      clusterEntity(item.cluster.name, item.cluster.id),
      async () => posture([{ ...item, entityRef: 'resource:default/x' }]),
    );
    const card = await screen.findByTestId('aks-cluster-card');
    const c = within(card);
    expect(api.getEntityPosture).toHaveBeenCalledWith(
      'resource:default/aks-payments-prod-weu-0a1b2c3d',
    );
    expect(c.getByText('Azure CNI Overlay')).toBeInTheDocument();
    // Its own page: the name is not a link to itself.
    expect(
      c.queryByRole('link', { name: 'aks-payments-prod-weu' }),
    ).not.toBeInTheDocument();
    const pools = c.getByRole('table', { name: 'Node pools' });
    const row = within(pools).getAllByRole('row')[1];
    expect(
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual([
      'system',
      'System',
      '3',
      'Standard_D4s_v5',
      '30',
      '1',
      'snet-aks-payments-prod-weu',
      '—',
    ]);
    const observability = c.getByText('ACNS observability').closest('div')!;
    expect(within(observability).getByText('On')).toBeInTheDocument();
    const logs = c.getByText('Container network logs').closest('div')!;
    expect(within(logs).getByText('Off')).toBeInTheDocument();
    expect(c.getByText(/Read from Azure/)).toBeInTheDocument();
    expect(
      c.getByText('Everything the checks need was read.'),
    ).toBeInTheDocument();
  });

  it('lists what could not be read of a partly read cluster, and the checks that needed it say unknown', async () => {
    const clusterRecord = record(
      'overlay',
      {
        vnet: undefined,
        unread: [
          {
            part: 'vnet',
            resourceId: VNET_ID,
            error: 'AuthorizationFailed, HTTP 403: no virtualNetworks/read',
            lastReadAt: '2026-11-30T08:00:00.000Z',
          },
          {
            part: 'flowLogs',
            resourceId: `/subscriptions/${SUB}`,
            error: 'AuthorizationFailed, HTTP 403: no networkWatchers/read',
          },
        ],
      },
      { prefix: '10.240.0.0/27' },
    );
    const item = postureCluster(clusterRecord, {
      inventory: {
        stale: { error: 'HTTP 503 from ARM', since: '2026-12-01T08:00:00Z' },
      },
    });
    await renderCard(
      clusterEntity(clusterRecord.name, clusterRecord.id),
      async () => posture([item]),
    );
    const card = await screen.findByTestId('aks-cluster-card');
    expect(within(card).getByText(/The subscription, since/)).toHaveTextContent(
      'HTTP 503 from ARM',
    );
    // Named with why and when, in the "Not read" list and the partial-read notice.
    expect(
      within(card).getAllByText(
        'VNet vnet-weu (AuthorizationFailed, HTTP 403: no virtualNetworks/read; last read 2026-11-30 08:00 UTC)',
        { exact: false },
      ).length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      within(card).getAllByText(/flow logs of .*never read/).length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      within(card).getByText(/Read in part: 2 parts of the network/),
    ).toBeInTheDocument();
    expect(
      within(card).getByText(
        /IP use of snet-aks-overlay-weu \(VNet usages API\)/,
      ),
    ).toBeInTheDocument();
    const traffic = card.querySelector(
      '[data-finding="egress-ingress-monitored"]',
    ) as HTMLElement;
    expect(within(traffic).getByText('Unknown')).toBeInTheDocument();
    expect(traffic).toHaveTextContent(
      'Whether egress and ingress are monitored is unknown',
    );
    expect(traffic).toHaveTextContent('Not read: flow logs of');
  });

  it('offers the way to overlay with the entity it is on', async () => {
    const item = postureCluster(record('podSubnet'));
    await renderCard(
      clusterEntity(item.cluster.name, item.cluster.id),
      async () => posture([item]),
    );
    const card = await screen.findByTestId('aks-cluster-card');
    expect(within(card).getByText('Azure CNI, pod subnet')).toBeInTheDocument();
    // The pod subnet column names the pool's pod subnet, and its IP use is shown: pods
    // take maxPods IPs per node from it.
    expect(
      within(card).getByRole('cell', { name: 'snet-aks-podsubnet-weu-pods' }),
    ).toBeInTheDocument();
    expect(
      within(card).getByText('pod subnet: each node takes maxPods IPs', {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(
      within(card).getByText(
        /90 in use \+ 30 for upgrade surge of 251 usable IPs/,
      ),
    ).toBeInTheDocument();
    expect(
      within(card).getByRole('button', { name: 'Request an overlay cluster' }),
    ).toBeInTheDocument();
  });

  it('says the cluster is not in the inventory yet', async () => {
    await renderCard(clusterEntity('aks-new', '/subscriptions/x/y'), async () =>
      posture([], {
        unresolved: [
          {
            ref: 'resource:default/aks-new-0a1b2c3d',
            reason: 'cluster /subscriptions/x/y is not in the inventory',
          },
        ],
      }),
    );
    expect(
      await screen.findByText('This cluster is not in the AKS inventory'),
    ).toBeInTheDocument();
    expect(screen.getByText(/is not in the inventory$/)).toBeInTheDocument();
  });

  it('asks for the ARM id annotation on a resource without it, and asks the backend nothing', async () => {
    const api = await renderCard(clusterEntity('aks-x'), async () =>
      posture([]),
    );
    expect(
      (await screen.findAllByText(/management\.azure\.com\/resourceId/)).length,
    ).toBeGreaterThan(0);
    expect(api.getEntityPosture).not.toHaveBeenCalled();
  });

  it('shows progress while the posture is on its way', async () => {
    await renderCard(
      clusterEntity('aks-x', '/subscriptions/x'),
      () => new Promise(() => {}),
    );
    const card = await screen.findByTestId('aks-cluster-card');
    expect(within(card).getByTestId('progress')).toBeInTheDocument();
  });

  it.each([
    ['overlay', 'Azure CNI Overlay', 'Azure dataplane', 'snet-aks-overlay-weu'],
    ['cilium', 'Azure CNI Overlay', 'Cilium dataplane', 'snet-aks-cilium-weu'],
    [
      'flat',
      'Azure CNI, flat (node subnet)',
      'Azure dataplane',
      'snet-aks-flat-weu',
    ],
    [
      'podSubnet',
      'Azure CNI, pod subnet',
      'Azure dataplane',
      'snet-aks-podsubnet-weu',
    ],
    ['kubenet', 'kubenet', 'No Azure dataplane', '—'],
    ['byo', 'Bring your own CNI', 'No Azure dataplane', 'snet-aks-byo-weu'],
  ] as const)(
    'shows a %s cluster with its model, dataplane and node pool',
    async (model, label, dataplane, subnet) => {
      const item = postureCluster(record(model));
      await renderCard(
        clusterEntity(item.cluster.name, item.cluster.id),
        async () => posture([item]),
      );
      const card = await screen.findByTestId('aks-cluster-card');
      expect(within(card).getByText(label)).toBeInTheDocument();
      expect(within(card).getByText(dataplane)).toBeInTheDocument();
      const row = within(
        within(card).getByRole('table', { name: 'Node pools' }),
      ).getAllByRole('row')[1];
      expect(within(row).getAllByRole('cell')[6]).toHaveTextContent(subnet);
      // Overlay has no way to overlay to show; every other model does.
      expect(Boolean(within(card).queryByTestId('overlay-path'))).toBe(
        label !== 'Azure CNI Overlay',
      );
    },
  );

  it('shows the error and a retry', async () => {
    await renderCard(clusterEntity('aks-x', '/subscriptions/x'), async () => {
      throw await responseError(500, 'Error', 'database unavailable');
    });
    expect(
      (await screen.findAllByText(/database unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
