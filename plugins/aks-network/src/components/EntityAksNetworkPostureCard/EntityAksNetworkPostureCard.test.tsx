import type {
  AksNetworkApi,
  EntityPosture,
} from '@aks-network/plugin-aks-network-common';
import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import {
  FLOW_LOG_ID,
  posture,
  postureCluster,
  record,
  responseError,
  SUB,
  watchedOverlay,
} from '../../__fixtures__/clusters';
import { aksNetworkApiRef } from '../../api/aksNetworkApiRef';
import { overlayTemplateRouteRef } from '../../routes';
import { EntityAksNetworkPostureCard } from './EntityAksNetworkPostureCard';

/** Where the app has navigated to, for the tests to read. */
function LocationProbe() {
  const location = useLocation();
  return (
    <div data-testid="location">{`${location.pathname}${location.search}`}</div>
  );
}

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/team-payments',
    lifecycle: 'production',
  },
};

async function renderCard(
  getEntityPosture: AksNetworkApi['getEntityPosture'],
  options: { catalog?: object; boundTemplate?: boolean } = {},
) {
  const api = { getEntityPosture: jest.fn(getEntityPosture) };
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [aksNetworkApiRef, api],
        [catalogApiRef, options.catalog ?? { getEntityByRef: jest.fn() }],
      ]}
    >
      <EntityProvider entity={component}>
        <EntityAksNetworkPostureCard />
      </EntityProvider>
      <LocationProbe />
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(options.boundTemplate === false
          ? {}
          : {
              '/create/templates/:namespace/:templateName':
                overlayTemplateRouteRef,
            }),
      },
    },
  );
  return { api, rendered };
}

describe('EntityAksNetworkPostureCard', () => {
  it('asks the backend once for every cluster of the component', async () => {
    const { api } = await renderCard(async () =>
      posture([watchedOverlay(), postureCluster(record('flat'))]),
    );
    expect(
      await screen.findByText('aks-payments-prod-weu'),
    ).toBeInTheDocument();
    expect(screen.getByText('aks-flat-weu')).toBeInTheDocument();
    expect(api.getEntityPosture).toHaveBeenCalledTimes(1);
    expect(api.getEntityPosture).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
  });

  it('shows model, the IP bar with its numbers, the three checks in words and the flow-log link', async () => {
    await renderCard(async () => posture([watchedOverlay()]));
    const section = await screen.findByTestId('aks-cluster-network');
    const s = within(section);
    expect(s.getByText('Azure CNI Overlay')).toBeInTheDocument();
    expect(s.getByText('Azure dataplane')).toBeInTheDocument();
    // 3 used + 1 surge of 27 usable in a /27; Azure keeps 5.
    expect(
      s.getByText(
        /3 in use \+ 1 for upgrade surge of 27 usable IPs · 23 free · 5 kept by Azure/,
      ),
    ).toBeInTheDocument();
    expect(
      s.getByRole('img', {
        name: /IP use of snet-aks-payments-prod-weu: In use: 3, Needed for upgrade surge: 1, Free: 23, Kept by Azure: 5/,
      }),
    ).toBeInTheDocument();
    expect(s.getByText(/Holds 256 nodes at a \/24 each/)).toBeInTheDocument();
    for (const check of [
      'Egress and ingress monitored:',
      'Same-node pod-to-pod visible:',
      'History of communications kept:',
    ]) {
      const line = s.getByText(check).closest('div')!;
      // Status in words beside the icon, not colour alone.
      expect(within(line).getByText('Pass')).toBeInTheDocument();
    }
    expect(
      s.getByRole('link', { name: /VNet flow log fl-vnet-weu/ }),
    ).toHaveAttribute(
      'href',
      `https://portal.azure.com/#@/resource${FLOW_LOG_ID}/overview`,
    );
    expect(s.getByTestId('acns-cost')).toHaveTextContent(
      'ACNS observability is on: $54.75 a month for 3 nodes.',
    );
    expect(s.queryByTestId('overlay-path')).not.toBeInTheDocument();
  });

  it('says what closing the gap costs and shows the way to overlay for a flat cluster', async () => {
    await renderCard(async () => posture([postureCluster(record('flat'))]));
    const section = await screen.findByTestId('aks-cluster-network');
    const s = within(section);
    expect(s.getByText('Azure CNI, flat (node subnet)')).toBeInTheDocument();
    const sameNode = s
      .getByText('Same-node pod-to-pod visible:')
      .closest('div')!;
    expect(within(sameNode).getByText('Fail')).toBeInTheDocument();
    expect(s.getByTestId('acns-cost')).toHaveTextContent(
      'Closing the same-node gap: ACNS observability costs about $54.75 a month for 3 nodes',
    );
    // Flat Azure CNI: 3 nodes × (1 + 30) IPs each, plus a surge node of 31.
    expect(
      s.getByText(
        /3 in use \+ 31 for upgrade surge of 27 usable IPs · 7 short/,
      ),
    ).toBeInTheDocument();
    expect(s.getByTestId('overlay-path')).toHaveTextContent(/in-place/);
    expect(
      s.getByRole('button', { name: 'Request an overlay cluster' }),
    ).toBeInTheDocument();
  });

  it('shows a declared control apart from what Azure detects, never with the pass mark', async () => {
    const declared = record('overlay', {
      name: 'aks-payments-dev-weu',
      declaredControls: [{ tool: 'tetragon', source: 'tag' }],
    });
    await renderCard(async () =>
      posture([watchedOverlay(), postureCluster(declared)]),
    );
    await screen.findByText('aks-payments-dev-weu');
    const finding = (cluster: string) =>
      within(
        document.querySelector<HTMLElement>(
          `[data-cluster="${cluster}"] [data-finding="same-node-pod-to-pod-visible"]`,
        )!,
      );

    // No ACNS, Tetragon declared: a warning, labelled as declared, not verified.
    const covered = finding('aks-payments-dev-weu');
    expect(covered.getByText('Declared: Tetragon')).toBeInTheDocument();
    expect(
      covered.getByText(
        'Same-node pod-to-pod traffic: covered by Tetragon (declared)',
      ),
    ).toBeInTheDocument();
    expect(covered.getByText('Warning')).toBeInTheDocument();
    expect(covered.queryByText('Pass')).not.toBeInTheDocument();
    expect(
      covered.queryByText('Detected by Azure: ACNS'),
    ).not.toBeInTheDocument();
    expect(
      covered.getByText(/^Azure reports: ACNS observability is off/),
    ).toBeInTheDocument();

    // ACNS observability on: Azure's own pass, labelled as such.
    const detected = finding('aks-payments-prod-weu');
    expect(detected.getByText('Detected by Azure: ACNS')).toBeInTheDocument();
    expect(detected.getByText('Pass')).toBeInTheDocument();
    expect(detected.queryByText(/^Declared:/)).not.toBeInTheDocument();
  });

  it('opens the overlay template pre-filled from the cluster entity', async () => {
    const getEntityByRef = jest.fn(async () => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'aks-flat-weu-0a1b2c3d' },
      spec: {
        type: 'kubernetes-cluster',
        owner: 'group:default/team-payments',
        system: 'payments',
        dependencyOf: [
          'component:default/payments-api',
          'component:payments-worker',
        ],
      },
    }));
    await renderCard(async () => posture([postureCluster(record('flat'))]), {
      catalog: { getEntityByRef },
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Request an overlay cluster' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toMatch(
        /^\/create\/templates\/default\/aks-overlay-cluster\?formData=/,
      ),
    );
    expect(getEntityByRef).toHaveBeenCalledWith(
      'resource:default/aks-flat-weu-0a1b2c3d',
    );
    const search = screen.getByTestId('location').textContent!.split('?')[1];
    expect(JSON.parse(new URLSearchParams(search).get('formData')!)).toEqual({
      owner: 'group:default/team-payments',
      system: 'system:default/payments',
      components: [
        'component:default/payments-api',
        'component:default/payments-worker',
      ],
      subscriptionId: SUB,
      resourceGroup: 'rg-aks',
      region: 'westeurope',
      nodeCount: 3,
    });
  });

  it('says unknown, never pass or fail, for checks on what could not be read, and prices no ACNS where it cannot run', async () => {
    // kubenet on an AKS-managed VNet: the inventory did not read its network.
    await renderCard(async () => posture([postureCluster(record('kubenet'))]));
    const section = await screen.findByTestId('aks-cluster-network');
    for (const id of [
      'egress-ingress-monitored',
      'communication-history-kept',
    ]) {
      const finding = section.querySelector(
        `[data-finding="${id}"]`,
      ) as HTMLElement;
      expect(within(finding).getByText('Unknown')).toBeInTheDocument();
      expect(
        within(finding).getByLabelText('Status pending'),
      ).toBeInTheDocument();
      expect(finding).toHaveTextContent(
        'Not read: VNet MC_rg-aks_aks-kubenet-weu_westeurope',
      );
    }
    expect(
      within(section).getByText(/Read in part: 1 part of the network/),
    ).toBeInTheDocument();
    // Same-node: kubenet cannot run ACNS; its way is overlay, at no ACNS price.
    const sameNode = section.querySelector(
      '[data-finding="same-node-pod-to-pod-visible"]',
    ) as HTMLElement;
    expect(sameNode).toHaveTextContent('Azure CNI Overlay cluster');
    expect(sameNode).not.toHaveTextContent('$');
    expect(within(section).getByTestId('acns-cost')).toHaveTextContent(
      'ACNS cannot run on kubenet, so it has no price here',
    );
  });

  it('says the flow logs were not read instead of that none watches the cluster', async () => {
    const unreadFlowLogs = record('overlay', {
      unread: [
        {
          part: 'flowLogs',
          resourceId: `/subscriptions/${SUB}`,
          error: 'AuthorizationFailed, HTTP 403: denied',
        },
      ],
    });
    await renderCard(async () => posture([postureCluster(unreadFlowLogs)]));
    const section = await screen.findByTestId('aks-cluster-network');
    expect(section).toHaveTextContent(
      "The flow logs could not be read: whether one watches this cluster's network is not known.",
    );
    expect(section).not.toHaveTextContent('No enabled flow log watches');
    const egress = section.querySelector(
      '[data-finding="egress-ingress-monitored"]',
    ) as HTMLElement;
    expect(egress).toHaveTextContent(
      `Not read: flow logs of subscription ${SUB} (AuthorizationFailed, HTTP 403: denied; never read).`,
    );
  });

  it('says no flow log watches a cluster whose flow logs were read', async () => {
    await renderCard(async () => posture([postureCluster(record('overlay'))]));
    const section = await screen.findByTestId('aks-cluster-network');
    expect(section).toHaveTextContent(
      "No enabled flow log watches this cluster's network.",
    );
  });

  it('hides the button when no template page is bound, keeping the way to overlay', async () => {
    await renderCard(async () => posture([postureCluster(record('kubenet'))]), {
      boundTemplate: false,
    });
    const section = await screen.findByTestId('aks-cluster-network');
    expect(within(section).getByTestId('overlay-path')).toHaveTextContent(
      /2028-03-31/,
    );
    expect(
      within(section).queryByRole('button', {
        name: 'Request an overlay cluster',
      }),
    ).not.toBeInTheDocument();
  });

  it('shows progress while the posture is on its way, and nothing of a cluster yet', async () => {
    await renderCard(() => new Promise(() => {}));
    const card = await screen.findByTestId('aks-network-posture-card');
    expect(within(card).getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByTestId('aks-cluster-network')).not.toBeInTheDocument();
  });

  it('says how to link clusters when the component has none', async () => {
    await renderCard(async () => posture([]));
    expect(await screen.findByTestId('aks-how-to-link')).toHaveTextContent(
      /No AKS cluster is linked to payments-api/,
    );
    expect(
      screen.getAllByText(/aks\.azure\.com\/clusters/).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText(/spec\.dependsOn/)).toBeInTheDocument();
  });

  it('shows the backend error and asks again on retry', async () => {
    let calls = 0;
    const { api } = await renderCard(async () => {
      calls += 1;
      if (calls === 1) {
        throw await responseError(
          403,
          'NotAllowedError',
          'Missing permission aks-network.cluster.read',
        );
      }
      return posture([watchedOverlay()]);
    });
    expect(
      (
        await screen.findAllByText(
          /Missing permission aks-network.cluster.read/,
        )
      ).length,
    ).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByText('aks-payments-prod-weu'),
    ).toBeInTheDocument();
    expect(api.getEntityPosture).toHaveBeenCalledTimes(2);
  });

  it('says when the inventory is stale and when a link leads nowhere', async () => {
    const value: EntityPosture = posture(
      [
        postureCluster(record('overlay'), {
          inventory: {
            stale: {
              error: 'AuthorizationFailed: the client has no read access',
              since: '2026-12-01T08:00:00.000Z',
            },
            lastSeenAt: '2026-12-01T07:00:00.000Z',
          },
        }),
      ],
      {
        unresolved: [
          {
            ref: 'resource:default/orders-db',
            reason: 'no such entity in the catalog',
          },
        ],
      },
    );
    await renderCard(async () => value);
    expect(await screen.findByText(/Stale: last read/)).toBeInTheDocument();
    expect(screen.getAllByText(/AuthorizationFailed/).length).toBeGreaterThan(
      0,
    );
    expect(
      screen.getByText(/1 link to a cluster could not be followed/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/no such entity in the catalog/),
    ).toBeInTheDocument();
  });

  it('says IP use is unknown when the usages API gave none, rather than drawing an empty bar', async () => {
    await renderCard(async () =>
      posture([
        postureCluster(record('overlay', {}, { prefix: '10.240.0.0/27' })),
      ]),
    );
    expect(
      await screen.findByText(
        /IP use unknown: the VNet usages API gave no usage/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('img', { name: /IP use of/ }),
    ).not.toBeInTheDocument();
  });

  it.each([
    ['overlay', 'Azure CNI Overlay', 'Azure dataplane'],
    ['cilium', 'Azure CNI Overlay', 'Cilium dataplane'],
    ['flat', 'Azure CNI, flat (node subnet)', 'Azure dataplane'],
    ['podSubnet', 'Azure CNI, pod subnet', 'Azure dataplane'],
    ['kubenet', 'kubenet', 'No Azure dataplane'],
    ['byo', 'Bring your own CNI', 'No Azure dataplane'],
  ] as const)(
    'names the %s model and its dataplane',
    async (model, label, dataplane) => {
      const item = postureCluster(record(model));
      await renderCard(async () => posture([item]));
      const section = await screen.findByTestId('aks-cluster-network');
      expect(within(section).getByText(label)).toBeInTheDocument();
      expect(within(section).getByText(dataplane)).toBeInTheDocument();
    },
  );
});
