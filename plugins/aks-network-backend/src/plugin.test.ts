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

  /** The plugin with a cluster policy of `min`–`max` nodes. */
  const withNodeRange = (max: number) =>
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
              clusterPolicy: { nodeCount: { min: 1, max } },
            },
          },
        }),
      ],
    });

  // A plan asks for one pool, and a pool holds at most 1,000 nodes.
  it('starts with a policy of up to 1,000 nodes', async () => {
    const backend = await withNodeRange(1000);
    expect(backend.server).toBeDefined();
    await backend.stop();
  });

  it('stops on a policy above 1,000 nodes, naming the key', async () => {
    await expect(withNodeRange(1001)).rejects.toThrow(
      /aksNetwork\.clusterPolicy\.nodeCount\.max: .*1000/,
    );
  });
});
