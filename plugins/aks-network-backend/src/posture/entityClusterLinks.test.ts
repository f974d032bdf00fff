import type { Entity } from '@backstage/catalog-model';
import { entityClusterLinks } from './entityClusterLinks';

const ARM_ID =
  '/subscriptions/a1a1a1a1-0000-4000-8000-000000000001/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-a';

function entity(overrides: Partial<Entity> & { kind: string }): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    metadata: { name: 'e', namespace: 'team-ns' },
    spec: {},
    ...overrides,
  };
}

describe('entityClusterLinks', () => {
  it('links a cluster entity to itself', () => {
    expect(
      entityClusterLinks(
        entity({
          kind: 'Resource',
          metadata: {
            name: 'aks-a',
            annotations: { 'management.azure.com/resourceId': ARM_ID },
          },
          spec: { type: 'kubernetes-cluster' },
        }),
      ),
    ).toEqual({
      armIds: [ARM_ID],
      dependsOnRefs: [],
      annotatedRefs: [],
      invalid: [],
    });
  });

  it('does not take another resource type’s ARM id for a cluster', () => {
    const links = entityClusterLinks(
      entity({
        kind: 'Resource',
        metadata: {
          name: 'db',
          annotations: { 'management.azure.com/resourceId': ARM_ID },
        },
        spec: { type: 'database' },
      }),
    );
    expect(links.armIds).toEqual([]);
  });

  it('reads dependsOn relations to resources and the annotation, without duplicates', () => {
    const links = entityClusterLinks(
      entity({
        kind: 'Component',
        metadata: {
          name: 'orders',
          namespace: 'team-ns',
          annotations: {
            'aks.azure.com/clusters': ` ${ARM_ID}, ${ARM_ID.toUpperCase()},aks-b, resource:default/aks-c,,component:x/`,
          },
        },
        relations: [
          { type: 'dependsOn', targetRef: 'resource:default/aks-a' },
          { type: 'dependsOn', targetRef: 'component:default/payments' },
          { type: 'ownedBy', targetRef: 'group:default/team-a' },
        ],
      }),
    );
    expect(links).toEqual({
      armIds: [ARM_ID],
      dependsOnRefs: ['resource:default/aks-a'],
      // A bare name is a Resource in the entity's own namespace.
      annotatedRefs: ['resource:team-ns/aks-b', 'resource:default/aks-c'],
      invalid: ['component:x/'],
    });
  });
});
