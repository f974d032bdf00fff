import {
  ArmSimulator,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
import { AzureAccess } from '@aks-network/plugin-aks-network-node';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ArmVnetSubnetSource } from './VnetSubnetSource';

jest.setTimeout(60_000);

const SUB = 'c3c3c3c3-0000-4000-8000-0000000000c3';
const TOKEN = 'vnet-test-token';

describe('ArmVnetSubnetSource against the ARM simulator', () => {
  let simulator: ArmSimulator;
  let source: ArmVnetSubnetSource;
  let access: AzureAccess;
  const vnet = {
    subscriptionId: SUB,
    resourceGroup: 'rg-net',
    vnetName: 'vnet-pool',
  };

  beforeAll(async () => {
    simulator = await startArmSimulator({
      fleet: {
        subscriptions: [{ id: SUB, name: 'c', displayName: 'Pool C' }],
        virtualNetworks: [
          {
            subscription: 'c',
            resourceGroup: 'rg-net',
            name: 'vnet-pool',
            region: 'westeurope',
            addressSpace: ['10.240.0.0/16', '10.250.0.0/24'],
            subnets: [
              { name: 'snet-a', prefix: '10.240.0.0/27' },
              { name: 'snet-b', prefix: '10.240.0.64/26' },
            ],
          },
        ],
        clusters: [],
      },
      expectedToken: TOKEN,
    });
    access = AzureAccess.fromConfig(
      new ConfigReader({
        aksNetwork: {
          azure: {
            resourceManagerEndpoint: simulator.url,
            caCertificate: simulator.caCertificate,
            credential: { type: 'development', token: TOKEN },
            subscriptions: [SUB],
          },
        },
      }),
      { logger: mockServices.logger.mock() },
    );
    source = new ArmVnetSubnetSource(access.clients);
  });

  afterAll(async () => {
    await simulator?.close();
  });

  it('reads the subnets a reservation must avoid and the address space a plan checks, in one call', async () => {
    const before = access.clients.metrics.snapshot().requests;
    const read = await source.readVnet(vnet);
    expect(read.subnetPrefixes.sort()).toEqual([
      '10.240.0.0/27',
      '10.240.0.64/26',
    ]);
    expect(read.addressSpace).toEqual(['10.240.0.0/16', '10.250.0.0/24']);
    expect(access.clients.metrics.snapshot().requests - before).toBe(1);
  });

  it('fails with ARM’s error for a VNet that does not exist', async () => {
    await expect(
      source.readVnet({ ...vnet, vnetName: 'vnet-missing' }),
    ).rejects.toMatchObject({ statusCode: 404 });
  });
});
