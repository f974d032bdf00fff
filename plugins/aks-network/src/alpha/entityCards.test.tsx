import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen, within } from '@testing-library/react';
import {
  posture,
  postureCluster,
  record,
  watchedOverlay,
} from '../__fixtures__/clusters';
import { aksNetworkApiRef } from '../api/aksNetworkApiRef';
import {
  entityAksClusterCard,
  entityAksNetworkPostureCard,
} from './entityCards';

// The first render loads the app and the card's lazy chunk: slow on a shared core.
jest.setTimeout(30_000);

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};
const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
const annotatedApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: { 'aks.azure.com/clusters': 'resource:default/aks-x' },
  },
  spec: {
    type: 'openapi',
    owner: 'team-payments',
    lifecycle: 'production',
    definition: '',
  },
};
function cluster(withArmId: boolean): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'aks-payments-prod-weu-0a1b2c3d',
      namespace: 'default',
      annotations: withArmId
        ? { 'management.azure.com/resourceId': watchedOverlay().cluster.id }
        : {},
    },
    spec: { type: 'kubernetes-cluster', owner: 'team-payments' },
  };
}

describe('entity cards in the new frontend system', () => {
  it.each([
    ['a component', component, true],
    ['a group', group, false],
    ['an API naming its clusters', annotatedApi, true],
    ['a cluster', cluster(true), false],
  ])('puts the posture card on %s: %p', (_label, entity, shown) => {
    const filter = createExtensionTester(entityAksNetworkPostureCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(filter?.(entity)).toBe(shown);
  });

  it.each([
    ['a cluster entity', cluster(true), true],
    ['a cluster without its ARM id', cluster(false), false],
    ['a component', component, false],
  ])('puts the cluster card on %s: %p', (_label, entity, shown) => {
    const filter = createExtensionTester(entityAksClusterCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(filter?.(entity)).toBe(shown);
  });

  it('renders the posture card from the extension with the API of the app', async () => {
    const getEntityPosture = jest.fn(async () =>
      posture([watchedOverlay(), postureCluster(record('kubenet'))]),
    );
    renderInTestApp(
      <EntityProvider entity={component}>
        {createExtensionTester(entityAksNetworkPostureCard).reactElement()}
      </EntityProvider>,
      {
        // The card links each cluster to its entity page.
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        apis: [
          [aksNetworkApiRef, { getEntityPosture }],
          [catalogApiRef, { getEntityByRef: jest.fn() }],
        ],
      },
    );
    const sections = await screen.findAllByTestId('aks-cluster-network');
    expect(sections.map(s => s.getAttribute('data-cluster'))).toEqual([
      'aks-payments-prod-weu',
      'aks-kubenet-weu',
    ]);
    expect(within(sections[1]).getByText('kubenet')).toBeInTheDocument();
    expect(getEntityPosture).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
  });

  it('renders the cluster card with its node pools', async () => {
    const item = watchedOverlay();
    renderInTestApp(
      <EntityProvider entity={cluster(true)}>
        {createExtensionTester(entityAksClusterCard).reactElement()}
      </EntityProvider>,
      {
        apis: [
          [aksNetworkApiRef, { getEntityPosture: async () => posture([item]) }],
          [catalogApiRef, { getEntityByRef: jest.fn() }],
        ],
      },
    );
    expect(
      await screen.findByRole('table', { name: 'Node pools' }),
    ).toBeInTheDocument();
    expect(screen.getByText('ACNS observability')).toBeInTheDocument();
  });
});
