import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { catalogModuleAksNetwork } from './module';

describe('catalogModuleAksNetwork', () => {
  // The backend plugin's clusters route does not exist yet: every request is a 404.
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { name: 'NotFoundError', message: 'Not found' },
        }),
      );
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/aks-network`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  it('registers the provider, which survives a missing inventory route', async () => {
    const providers: EntityProvider[] = [];
    const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
    const runner: SchedulerServiceTaskRunner = {
      run: async task => {
        tasks.push(task);
      },
    };
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);

    await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          {
            addEntityProvider: (
              ...p: Array<EntityProvider | EntityProvider[]>
            ) => providers.push(...p.flat()),
          },
        ],
      ],
      features: [
        catalogModuleAksNetwork,
        logger.factory,
        mockServices.discovery.mock({ getBaseUrl: async () => baseUrl })
          .factory,
        mockServices.scheduler.mock({ createScheduledTaskRunner: () => runner })
          .factory,
      ],
    });

    expect(providers.map(p => p.getProviderName())).toEqual(['aks-network']);
    const connection: EntityProviderConnection = {
      applyMutation: jest.fn(),
      refresh: jest.fn(),
    };
    await providers[0].connect(connection);
    expect(tasks.map(t => t.id)).toEqual(['aks-network:refresh']);

    await expect(
      tasks[0].fn(new AbortController().signal),
    ).resolves.toBeUndefined();
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/404.*catalog left unchanged/),
    );
  });
});
