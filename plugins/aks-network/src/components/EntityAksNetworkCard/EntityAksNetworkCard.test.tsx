import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  AKS_CLUSTERS_ANNOTATION,
  EntityAksNetworkCard,
  isAksNetworkAvailable,
} from './EntityAksNetworkCard';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

describe('EntityAksNetworkCard', () => {
  it('renders in the entity page slot for the entity it is given', async () => {
    await renderInTestApp(
      <EntityProvider entity={component}>
        <EntityAksNetworkCard />
      </EntityProvider>,
    );
    expect(screen.getByText('AKS network')).toBeInTheDocument();
    expect(screen.getByText(/Clusters of payments/)).toBeInTheDocument();
  });

  it.each([
    ['a component', component, true],
    [
      'a group',
      { ...component, kind: 'Group', spec: { type: 'team' } } as Entity,
      false,
    ],
    [
      'an API annotated with its clusters',
      {
        ...component,
        kind: 'API',
        metadata: {
          name: 'payments-api',
          annotations: { [AKS_CLUSTERS_ANNOTATION]: 'aks-prod-weu' },
        },
      } as Entity,
      true,
    ],
  ])('is available for %s', (_label, entity, expected) => {
    expect(isAksNetworkAvailable(entity)).toBe(expected);
  });
});
