import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  BackendFeature,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { ClusterRecord } from '@aks-network/plugin-aks-network-common';
import type { Knex } from 'knex';
import {
  clusterRecord,
  SUB_A,
  SUB_B,
} from '../database/__testUtils__/clusterRecords';
import { aksNetworkPlugin } from '../plugin';
import type { VnetSubnetSource } from '../reservations/VnetSubnetSource';
import { AksNetworkService } from '../service/AksNetworkService';
import { aksNetworkServiceRef } from '../service/aksNetworkServiceRef';

/*
 * The plugin in a test backend, as the router and contract tests drive it: a fake
 * fleet instead of Azure, a catalog of the entities that link to it, and permissions
 * that allow or deny everything.
 */

/** A pool of 128 /27s; its VNet already holds the pool's first /27. */
export const PLAN_POOL = {
  id: 'nonprod-weu',
  subscriptionId: SUB_A,
  resourceGroup: 'rg-network',
  vnetName: 'vnet-nonprod-weu',
  region: 'westeurope',
  range: '10.250.16.0/20',
};

/** The pool and a cluster policy the plan tests plan against. */
export const PLAN_CONFIG = {
  addressPools: [PLAN_POOL],
  clusterPolicy: {
    regions: ['westeurope', 'northeurope'],
    nodeCount: { min: 1, max: 50 },
  },
};

export const config = {
  aksNetwork: {
    azure: {
      resourceManagerEndpoint: 'https://127.0.0.1:7443',
      credential: { type: 'development', token: 'test-token' },
    },
  },
};

export const fleet: Record<string, ClusterRecord[]> = {
  [SUB_A]: [
    clusterRecord(SUB_A, 'aks-a1', { tags: { owner: 'team-a' } }),
    // On an AKS-managed VNet, which the inventory does not read: its checks on the
    // network are unknown, so every answer that carries them is shown with `unread`.
    clusterRecord(SUB_A, 'aks-a2', {
      location: 'northeurope',
      networkProfile: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' },
      unread: [
        {
          part: 'vnet',
          resourceId: `/subscriptions/${SUB_A}/resourceGroups/MC_rg_aks-a2_northeurope`,
          error:
            'The node pools name no subnet: the cluster runs on a VNet AKS manages in its node resource group, which the inventory does not read.',
        },
      ],
    }),
  ],
  // The same cluster name in another subscription: a distinct cluster.
  [SUB_B]: [clusterRecord(SUB_B, 'aks-a1', { tags: { owner: 'team-b' } })],
};

/** The cluster entity the catalog module would emit for a record (what the route reads). */
export function clusterEntity(record: ClusterRecord, name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'management.azure.com/resourceId': record.id },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/team-a' },
  };
}

export const catalogEntities: Entity[] = [
  clusterEntity(fleet[SUB_A][0], 'aks-a1-a1a1a1a1'),
  clusterEntity(fleet[SUB_A][1], 'aks-a2-a1a1a1a1'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'orders-db', namespace: 'default' },
    spec: { type: 'database', owner: 'group:default/team-a' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'orders',
      namespace: 'default',
      // Named directly: the other subscription's aks-a1, an entity that is not a
      // cluster, a cluster entity the catalog does not have, and a malformed entry.
      annotations: {
        'aks.azure.com/clusters': [
          fleet[SUB_B][0].id,
          'resource:default/orders-db',
          'aks-missing',
          'resource:',
        ].join(', '),
      },
    },
    // What the catalog stitches from the cluster entity's spec.dependencyOf.
    relations: [
      { type: 'dependsOn', targetRef: 'resource:default/aks-a1-a1a1a1a1' },
      { type: 'dependsOn', targetRef: 'resource:default/orders-db' },
    ],
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'unrelated',
      namespace: 'default',
      annotations: {
        'aks.azure.com/clusters': `/subscriptions/${SUB_B}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/gone`,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  },
];

// Stopped after each test (see stopRouterTestBackends): a backend left running keeps
// its scheduler polling the shared test database and holds pool connections.
const running: Array<{ stop(): Promise<void> }> = [];

/** Stops every backend {@link startBackend} started; call it in `afterEach`. */
export async function stopRouterTestBackends(): Promise<void> {
  await Promise.all(running.splice(0).map(backend => backend.stop()));
}

/**
 * The plugin over a test database, reading clusters from `fleet` (or the given one)
 * instead of Azure, and pools' VNets from `vnet`.
 */
export async function startBackend(
  knex: Knex,
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  options: {
    fleet?: Record<string, ClusterRecord[]>;
    vnet?: VnetSubnetSource['readVnet'];
    config?: object;
    displayNames?: Record<string, string>;
    /** Subscriptions whose read fails, with the error thrown. */
    failing?: Record<string, string>;
    /** A permissions service of the test's own (e.g. conditional decisions). */
    permissions?: PermissionsService;
    /**
     * The ownership refs of a signed-in user (the user and the groups the catalog
     * says they are in), as the user info service gives them. Default: the user and
     * `group:default/team-a`.
     */
    ownership?: (userEntityRef: string) => string[];
    /** Where the backend's log lines go (default the test logger). */
    rootLogger?: RootLoggerService;
    /** Config beside `aksNetwork` (e.g. `backend.actions`). */
    rootConfig?: Record<string, unknown>;
    /** More plugins and services (e.g. the MCP actions backend). */
    features?: BackendFeature[];
  } = {},
) {
  const clusters = options.fleet ?? fleet;
  const services: AksNetworkService[] = [];
  const backend = await startTestBackend({
    features: [
      aksNetworkPlugin,
      ...(options.features ?? []),
      mockServices.rootConfig.factory({
        data: {
          ...options.rootConfig,
          aksNetwork: { ...config.aksNetwork, ...options.config },
        },
      }),
      mockServices.database.factory({ knex }),
      ...(options.rootLogger
        ? [
            createServiceFactory({
              service: coreServices.rootLogger,
              deps: {},
              factory: () => options.rootLogger!,
            }),
          ]
        : []),
      options.permissions
        ? createServiceFactory({
            service: coreServices.permissions,
            deps: {},
            factory: () => options.permissions!,
          })
        : mockServices.permissions.factory({ result: permission }),
      catalogServiceMock.factory({ entities: catalogEntities }),
      // By default every user is a member of team-a: a reservation may be held for it.
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () => ({
          async getUserInfo(credentials: BackstageCredentials) {
            const { userEntityRef } = credentials.principal as {
              userEntityRef: string;
            };
            return {
              userEntityRef,
              ownershipEntityRefs: options.ownership
                ? options.ownership(userEntityRef)
                : [userEntityRef, 'group:default/team-a'],
            };
          },
        }),
      }),
      // A request without an Authorization header is anonymous, as in production
      // (the test default would sign it in as a user).
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      createServiceFactory({
        service: aksNetworkServiceRef,
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          database: coreServices.database,
          scheduler: coreServices.scheduler,
        },
        async factory(deps) {
          const service = await AksNetworkService.create({
            ...deps,
            azure: {
              vnetSubnets: {
                // The pool's VNet already holds the first /27 of the pool range.
                readVnet:
                  options.vnet ??
                  (async () => ({
                    addressSpace: ['10.250.0.0/16'],
                    subnetPrefixes: ['10.250.0.0/27'],
                  })),
              },
              subscriptions: {
                listSubscriptionIds: async () => Object.keys(clusters),
                listSubscriptions: async () =>
                  Object.keys(clusters).map(subscriptionId => ({
                    subscriptionId,
                    displayName: options.displayNames?.[subscriptionId],
                  })),
              },
              reader: {
                readSubscription: async id => {
                  if (options.failing?.[id]) {
                    throw new Error(options.failing[id]);
                  }
                  return {
                    clusters: clusters[id] ?? [],
                    complete: true,
                    errors: [],
                    partialClusterIds: [],
                  };
                },
              },
            },
          });
          services.push(service);
          return service;
        },
      }),
    ],
  });
  running.push(backend);
  return { server: backend.server, service: () => services[0] };
}
