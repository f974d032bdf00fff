import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { AzureAccess } from './AzureAccess';
import { azureAccessServiceRef } from './azureAccessServiceRef';

const azure = {
  resourceManagerEndpoint: 'https://127.0.0.1:7443',
  credential: { type: 'development', token: 'test-token' },
};

function pluginTaking(pluginId: string, seen: AzureAccess[]) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { access: azureAccessServiceRef },
        async init({ access }) {
          seen.push(access);
        },
      });
    },
  });
}

describe('azureAccessServiceRef', () => {
  it('gives every plugin of a backend the same Azure access', async () => {
    const seen: AzureAccess[] = [];
    const backend = await startTestBackend({
      features: [
        pluginTaking('first', seen),
        pluginTaking('second', seen),
        mockServices.rootConfig.factory({ data: { aksNetwork: { azure } } }),
      ],
    });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0].settings.resourceManagerEndpoint).toBe(
      'https://127.0.0.1:7443',
    );
    await backend.stop();
  });

  it('stops the start on a bad config', async () => {
    await expect(
      startTestBackend({
        features: [
          pluginTaking('first', []),
          mockServices.rootConfig.factory({
            data: {
              aksNetwork: {
                azure: {
                  ...azure,
                  resourceManagerEndpoint: 'https://management.azure.com',
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/loopback/);
  });
});
