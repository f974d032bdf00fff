import { resolve } from 'node:path';
import {
  ArmSimulator,
  loadFleet,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
// The real backend plugin the actions call, in a test backend: test wiring only.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import aksNetworkPlugin from '@aks-network/plugin-aks-network-backend';
import {
  AzureAccess,
  AzureProvisioner,
} from '@aks-network/plugin-aks-network-node';
import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Knex } from 'knex';
import {
  AksNetworkBackend,
  aksNetworkBackend,
} from '../backend/AksNetworkBackend';
import {
  ProvisioningSettings,
  readProvisioningSettings,
} from '../config/ProvisioningSettings';

const TOKEN = 'scaffolder-test-token';
const FLEET = resolve(__dirname, '../../../../examples/azure-fleet/fleet.yaml');

/** Subscriptions of the seed fleet (examples/azure-fleet/fleet.yaml). */
export const PROD = '7d3c1f0a-2b4e-4c8d-9f1a-3e5b7c9d1f20';
export const NONPROD = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

/**
 * Pools as the local default configures them (app-config.yaml), plus `tiny-weu`: one
 * /27 of room, for the exhausted-pool case.
 */
export const ADDRESS_POOLS = [
  {
    id: 'prod-weu',
    subscriptionId: PROD,
    resourceGroup: 'rg-network-prod-weu',
    vnetName: 'vnet-prod-weu',
    region: 'westeurope',
    range: '10.240.16.0/20',
  },
  {
    id: 'nonprod-weu',
    subscriptionId: NONPROD,
    resourceGroup: 'rg-network-nonprod-weu',
    vnetName: 'vnet-nonprod-weu',
    region: 'westeurope',
    range: '10.250.16.0/20',
  },
  {
    id: 'nonprod-neu',
    subscriptionId: NONPROD,
    resourceGroup: 'rg-network-nonprod-neu',
    vnetName: 'vnet-nonprod-neu',
    region: 'northeurope',
    range: '10.251.16.0/20',
  },
  {
    id: 'tiny-weu',
    subscriptionId: NONPROD,
    resourceGroup: 'rg-network-nonprod-weu',
    vnetName: 'vnet-nonprod-weu',
    region: 'westeurope',
    range: '10.250.64.0/27',
  },
];

/**
 * The real parts the actions talk to: the ARM simulator over HTTPS with the seed fleet,
 * and the `aks-network` backend plugin (its store on the given database) reading that
 * simulator, reached over HTTP by the actions' own client.
 */
export interface ActionTestEnv {
  simulator: ArmSimulator;
  knex: Knex;
  settings: ProvisioningSettings;
  backend: AksNetworkBackend;
  provisioner: AzureProvisioner;
  stop(): Promise<void>;
}

export async function startActionTestEnv(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  /** `aksNetwork.clusterPolicy` / `clusterNetwork` of the backend plugin. */
  policyConfig: object = {},
  /** `aksNetwork.provisioning` of the actions. */
  provisioningConfig: object = {},
): Promise<ActionTestEnv> {
  const simulator = await startArmSimulator({
    fleet: await loadFleet(FLEET),
    expectedToken: TOKEN,
    operationDurationMs: 20,
  });
  const azure = {
    resourceManagerEndpoint: simulator.url,
    caCertificate: simulator.caCertificate,
    credential: { type: 'development', token: TOKEN },
    subscriptions: [PROD, NONPROD],
  };
  const knex = await databases.init(databaseId);
  const server = await startTestBackend({
    features: [
      aksNetworkPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          aksNetwork: {
            azure,
            addressPools: ADDRESS_POOLS,
            ...policyConfig,
            // Syncs only on demand (the refresh the action asks for).
            sync: {
              schedule: {
                frequency: { hours: 1 },
                timeout: { minutes: 5 },
                initialDelay: { hours: 1 },
              },
            },
          },
        },
      }),
    ],
  });
  const baseUrl = `http://localhost:${server.server.port()}/api/aks-network`;
  const config = new ConfigReader({
    aksNetwork: {
      azure: { ...azure, requests: { maxRetries: 8 } },
      ...provisioningConfig,
    },
  });
  const access = AzureAccess.fromConfig(config, {
    logger: mockServices.logger.mock(),
  });
  return {
    simulator,
    knex,
    settings: readProvisioningSettings(config),
    backend: aksNetworkBackend({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async () => baseUrl,
      }),
      auth: mockServices.auth(),
    }),
    provisioner: new AzureProvisioner(access.clients, { pollIntervalMs: 20 }),
    async stop() {
      await server.stop();
      await simulator.close();
    },
  };
}
