import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { aksNetworkPlugin } from './plugin';

const developmentCredential = {
  type: 'development',
  token: 'local-development-token',
};

describe('aksNetworkPlugin start-up', () => {
  it('starts with a development credential on a loopback endpoint', async () => {
    const backend = await startTestBackend({
      features: [
        aksNetworkPlugin,
        mockServices.rootConfig.factory({
          data: {
            aksNetwork: {
              azure: {
                resourceManagerEndpoint: 'https://127.0.0.1:7443',
                credential: developmentCredential,
              },
            },
          },
        }),
      ],
    });
    // Started means the Azure access config was accepted and the routes mounted.
    const res = await request(backend.server).get('/api/aks-network/clusters');
    expect(res.status).toBe(200);
    await backend.stop();
  });

  it.each([['https://management.azure.com'], ['https://10.1.2.3:443']])(
    'refuses a development credential aimed at %s',
    async endpoint => {
      await expect(
        startTestBackend({
          features: [
            aksNetworkPlugin,
            mockServices.rootConfig.factory({
              data: {
                aksNetwork: {
                  azure: {
                    resourceManagerEndpoint: endpoint,
                    credential: developmentCredential,
                  },
                },
              },
            }),
          ],
        }),
      ).rejects.toThrow(/loopback/i);
    },
  );

  it('stops the backend on a bad cluster policy, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          aksNetworkPlugin,
          mockServices.rootConfig.factory({
            data: {
              aksNetwork: {
                azure: {
                  resourceManagerEndpoint: 'https://127.0.0.1:7443',
                  credential: developmentCredential,
                },
                clusterPolicy: {
                  allowedNetworkModels: ['calico'],
                  nodeCount: { min: 5, max: 2 },
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      /aksNetwork\.clusterPolicy\.allowedNetworkModels\.0: .*aksNetwork\.clusterPolicy\.nodeCount: min must not be above max/,
    );
  });
});
