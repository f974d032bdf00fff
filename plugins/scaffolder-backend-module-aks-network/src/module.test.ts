import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleAksNetwork } from './module';

const azure = {
  resourceManagerEndpoint: 'https://127.0.0.1:7443',
  credential: { type: 'development', token: 'test-token' },
};

async function start(aksNetwork: object) {
  const actions: Array<{ id: string }> = [];
  await startTestBackend({
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        {
          addActions: (...added: Array<{ id: string }>) =>
            actions.push(...added),
        },
      ],
    ],
    features: [
      scaffolderModuleAksNetwork,
      mockServices.rootConfig.factory({ data: { aksNetwork } }),
    ],
  });
  return actions;
}

describe('scaffolderModuleAksNetwork', () => {
  it('registers the plan and create actions', async () => {
    const actions = await start({ azure });
    expect(actions.map(a => a.id)).toEqual([
      'aks-network:plan',
      'aks-network:cluster:create',
    ]);
  });

  it('stops the backend on bad provisioning settings, naming the key', async () => {
    await expect(
      start({
        azure,
        provisioning: {
          clusterTimeout: { minutes: 0 },
          portalBaseUrl: 'not a url',
        },
      }),
    ).rejects.toThrow(
      /aksNetwork\.provisioning\.clusterTimeout: must be longer than zero.*aksNetwork\.provisioning\.portalBaseUrl: /,
    );
  });
});
