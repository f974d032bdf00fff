import type {
  ArmSimulator,
  SimulatorFleet,
} from '@aks-network/azure-arm-simulator';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import { aksNetworkPlugin } from '../plugin';

/*
 * The plugin as packages/backend runs it (its default service factory, the Azure SDK,
 * and the real scheduler over the test database, not the test backend's in-memory
 * one: its global lock is what keeps replicas apart), with the ARM simulator as
 * Azure: what the refresh and resilience tests drive.
 */

export const SIM_TOKEN = 'resilience-test-token';
export const SIM_SUB_A = 'a1a1a1a1-0000-4000-8000-0000000000a1';
export const SIM_SUB_B = 'b2b2b2b2-0000-4000-8000-0000000000b2';

/** A pool of the first VNet: 128 /27s, none of them taken by a subnet. */
export const SIM_POOL = {
  id: 'sim-pool',
  subscriptionId: SIM_SUB_A,
  resourceGroup: 'rg-net',
  vnetName: 'vnet-a',
  region: 'westeurope',
  range: '10.240.64.0/20',
  subnetPrefix: 27,
};

function cluster(subscription: 'a' | 'b', name: string, subnet: string) {
  return {
    subscription,
    resourceGroup: 'rg-aks',
    name,
    region: 'westeurope',
    tags: { owner: `team-${subscription}` },
    network: { plugin: 'azure' as const, mode: 'overlay' as const },
    pools: [{ name: 'system', count: 2, subnet }],
  };
}

/** Two subscriptions, each with a VNet and two overlay clusters. */
export function simulatorFleet(): SimulatorFleet {
  const vnet = (subscription: 'a' | 'b', second: number) => ({
    subscription,
    resourceGroup: 'rg-net',
    name: `vnet-${subscription}`,
    region: 'westeurope',
    addressSpace: [`10.${second}.0.0/16`],
    subnets: [
      { name: 'snet-1', prefix: `10.${second}.0.0/27` },
      { name: 'snet-2', prefix: `10.${second}.0.32/27` },
    ],
  });
  return {
    subscriptions: [
      { id: SIM_SUB_A, name: 'a', displayName: 'Resilience A' },
      { id: SIM_SUB_B, name: 'b', displayName: 'Resilience B' },
    ],
    virtualNetworks: [vnet('a', 240), vnet('b', 241)],
    clusters: [
      cluster('a', 'aks-a-1', 'vnet-a/snet-1'),
      cluster('a', 'aks-a-2', 'vnet-a/snet-2'),
      cluster('b', 'aks-b-1', 'vnet-b/snet-1'),
      cluster('b', 'aks-b-2', 'vnet-b/snet-2'),
    ],
  };
}

/** `aksNetwork.azure` aimed at the simulator; a fault reaches the sync at once. */
export function simulatorAzureConfig(simulator: ArmSimulator) {
  return {
    resourceManagerEndpoint: simulator.url,
    caCertificate: simulator.caCertificate,
    credential: { type: 'development', token: SIM_TOKEN },
    subscriptions: [SIM_SUB_A, SIM_SUB_B],
    requests: { maxRetries: 0 },
  };
}

/** The Authorization header of a signed-in user. */
export const USER_AUTH = mockCredentials.user.header();

/**
 * The plugin over `knex`, reading Azure from `simulator`; `aksNetwork` is merged
 * over the simulator's Azure settings.
 */
export async function startSimulatorBackend(options: {
  knex: Knex;
  simulator: ArmSimulator;
  aksNetwork?: Record<string, unknown>;
}) {
  return startTestBackend({
    features: [
      aksNetworkPlugin,
      mockServices.rootConfig.factory({
        data: {
          aksNetwork: {
            azure: simulatorAzureConfig(options.simulator),
            ...options.aksNetwork,
          },
        },
      }),
      mockServices.database.factory({ knex: options.knex }),
      schedulerServiceFactory,
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      catalogServiceMock.factory(),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
}
