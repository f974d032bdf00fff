import tls from 'node:tls';
import type { TokenCredential } from '@azure/core-auth';
import {
  createHttpHeaders,
  isRestError,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { AzureAccessConfig } from '../config/AzureAccessConfig';
import { readAzureAccessConfig } from '../config/readAzureAccessConfig';
import { AzureAccess } from './AzureAccess';
import { createArmClients } from './createArmClients';

const SUB_A = '11111111-1111-1111-1111-111111111111';
const SUB_B = '22222222-2222-2222-2222-222222222222';
const PEM =
  '-----BEGIN CERTIFICATE-----\nMIIBsimulator\n-----END CERTIFICATE-----\n';

function settings(azure: Record<string, unknown> = {}): AzureAccessConfig {
  return readAzureAccessConfig(
    new ConfigReader({
      aksNetwork: {
        azure: {
          resourceManagerEndpoint: 'https://127.0.0.1:7443',
          credential: { type: 'development', token: 'dev-token' },
          requests: { maxRetries: 2, retryBaseDelayMs: 10 },
          ...azure,
        },
      },
    }),
  );
}

function json(
  request: PipelineRequest,
  status: number,
  body: unknown,
): PipelineResponse {
  return {
    request,
    status,
    headers: createHttpHeaders({ 'content-type': 'application/json' }),
    bodyAsText: JSON.stringify(body),
  };
}

/** An HTTP client answering from a handler, recording each request. */
function fakeArm(handler: (request: PipelineRequest) => PipelineResponse) {
  const requests: PipelineRequest[] = [];
  const httpClient: HttpClient = {
    async sendRequest(request) {
      requests.push(request);
      return handler(request);
    },
  };
  return { httpClient, requests };
}

const noWait = async () => {};

describe('createArmClients', () => {
  it('calls the configured endpoint with the token for the audience scope and the plugin user agent', async () => {
    const scopes: Array<string | string[]> = [];
    const credential: TokenCredential = {
      async getToken(scope) {
        scopes.push(scope);
        return { token: 'tkn', expiresOnTimestamp: Date.now() + 3600_000 };
      },
    };
    const arm = fakeArm(request => json(request, 200, { value: [] }));
    const clients = createArmClients(
      settings({ audience: 'https://management.usgovcloudapi.net' }),
      {
        logger: mockServices.logger.mock(),
        credential,
        httpClient: arm.httpClient,
      },
    );
    for await (const _ of clients
      .containerService(SUB_A)
      .managedClusters.list()) {
      // no clusters
    }
    const [request] = arm.requests;
    expect(request.url).toMatch(
      new RegExp(
        `^https://127\\.0\\.0\\.1:7443/subscriptions/${SUB_A}/providers/Microsoft\\.ContainerService/managedClusters\\?api-version=`,
      ),
    );
    expect(request.headers.get('authorization')).toBe('Bearer tkn');
    expect(request.headers.get('user-agent')).toMatch(
      /^backstage-aks-network /,
    );
    expect(request.timeout).toBe(60_000);
    expect(scopes).toEqual([['https://management.usgovcloudapi.net/.default']]);
    expect(clients.credential).toBe(credential);
  });

  it('pages through nextLink', async () => {
    const arm = fakeArm(request =>
      request.url.includes('page=2')
        ? json(request, 200, { value: [{ name: 'aks-2' }] })
        : json(request, 200, {
            value: [{ name: 'aks-1' }],
            nextLink: `https://127.0.0.1:7443/subscriptions/${SUB_A}/providers/Microsoft.ContainerService/managedClusters?api-version=2026-04-01&page=2`,
          }),
    );
    const clients = createArmClients(settings(), {
      logger: mockServices.logger.mock(),
      httpClient: arm.httpClient,
    });
    const names: Array<string | undefined> = [];
    for await (const cluster of clients
      .containerService(SUB_A)
      .managedClusters.list()) {
      names.push(cluster.name);
    }
    expect(names).toEqual(['aks-1', 'aks-2']);
  });

  it('trusts the configured CA in addition to the public roots, through one secure context', async () => {
    const context = tls.createSecureContext();
    const create = jest
      .spyOn(tls, 'createSecureContext')
      .mockReturnValue(context);
    try {
      const arm = fakeArm(request => json(request, 200, { value: [] }));
      const clients = createArmClients(settings({ caCertificate: PEM }), {
        logger: mockServices.logger.mock(),
        httpClient: arm.httpClient,
      });
      for (let i = 0; i < 2; i++) {
        for await (const _ of clients
          .network(SUB_A)
          .virtualNetworks.listAll()) {
          // none
        }
      }
      expect(create).toHaveBeenCalledTimes(1);
      const ca = create.mock.calls[0][0]?.ca as string[];
      // Asserted as booleans: a failure would otherwise print every root certificate.
      expect(ca.includes(PEM.trim())).toBe(true);
      expect(tls.rootCertificates.every(root => ca.includes(root))).toBe(true);
      // Every request carries that context, and no `ca` list for the agent's key.
      for (const request of arm.requests) {
        expect(request.tlsSettings).toEqual({ secureContext: context });
      }
    } finally {
      create.mockRestore();
    }
  });

  it('retries with its own policy only: a 500 is tried maxRetries + 1 times', async () => {
    const sleeps: number[] = [];
    const arm = fakeArm(request =>
      json(request, 500, {
        error: { code: 'InternalServerError', message: 'boom' },
      }),
    );
    const clients = createArmClients(settings(), {
      logger: mockServices.logger.mock(),
      httpClient: arm.httpClient,
      sleep: async ms => {
        sleeps.push(ms);
      },
    });
    const error = await clients
      .containerService(SUB_A)
      .managedClusters.get('rg', 'aks')
      .catch(e => e);
    expect(isRestError(error) && error.statusCode).toBe(500);
    expect(arm.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(clients.metrics.snapshot()).toEqual(
      expect.objectContaining({
        calls: 1,
        requests: 3,
        retries: 2,
        failedCalls: 1,
      }),
    );
  });

  it('does not retry a 404 and surfaces ARM’s error code', async () => {
    const arm = fakeArm(request =>
      json(request, 404, {
        error: {
          code: 'ResourceNotFound',
          message:
            "The Resource 'Microsoft.ContainerService/managedClusters/aks' was not found.",
        },
      }),
    );
    const clients = createArmClients(settings(), {
      logger: mockServices.logger.mock(),
      httpClient: arm.httpClient,
      sleep: noWait,
    });
    const error = await clients
      .containerService(SUB_A)
      .managedClusters.get('rg', 'aks')
      .catch(e => e);
    expect(error).toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
    expect(arm.requests).toHaveLength(1);
  });

  it('returns the same client per subscription and shares the limiter across clients', async () => {
    let open = 0;
    let peak = 0;
    const httpClient: HttpClient = {
      async sendRequest(request) {
        open += 1;
        peak = Math.max(peak, open);
        await new Promise(resolve => setTimeout(resolve, 5));
        open -= 1;
        return json(request, 200, { value: [] });
      },
    };
    const clients = createArmClients(
      settings({ requests: { maxConcurrencyPerSubscription: 2 } }),
      { logger: mockServices.logger.mock(), httpClient },
    );
    expect(clients.containerService(SUB_A)).toBe(
      clients.containerService(SUB_A.toUpperCase()),
    );
    expect(clients.network(SUB_A)).toBe(clients.network(SUB_A));
    expect(clients.containerService(SUB_A)).not.toBe(
      clients.containerService(SUB_B),
    );
    const drain = async (pages: AsyncIterable<unknown>) => {
      for await (const _ of pages) {
        // drain
      }
    };
    await Promise.all([
      ...Array.from({ length: 4 }, () =>
        drain(clients.containerService(SUB_A).managedClusters.list()),
      ),
      ...Array.from({ length: 4 }, () =>
        drain(clients.network(SUB_A).virtualNetworks.listAll()),
      ),
    ]);
    expect(peak).toBe(2);
  });

  it('lists the configured subscriptions without calling Azure', async () => {
    const arm = fakeArm(request => json(request, 500, {}));
    const clients = createArmClients(
      settings({
        subscriptions: [SUB_A, { subscriptionId: SUB_B, displayName: 'Prod' }],
      }),
      { logger: mockServices.logger.mock(), httpClient: arm.httpClient },
    );
    expect(await clients.listSubscriptionIds()).toEqual([SUB_A, SUB_B]);
    expect(arm.requests).toHaveLength(0);
  });

  it('discovers readable subscriptions when none are configured', async () => {
    const arm = fakeArm(request =>
      json(request, 200, {
        value: [
          { subscriptionId: SUB_A, displayName: 'Dev', state: 'Enabled' },
          { subscriptionId: SUB_B, displayName: 'Old', state: 'Disabled' },
          {
            subscriptionId: '33333333-3333-3333-3333-333333333333',
            state: 'PastDue',
          },
        ],
      }),
    );
    const clients = createArmClients(settings(), {
      logger: mockServices.logger.mock(),
      httpClient: arm.httpClient,
    });
    expect(await clients.listSubscriptions()).toEqual([
      { subscriptionId: SUB_A, displayName: 'Dev' },
      {
        subscriptionId: '33333333-3333-3333-3333-333333333333',
        displayName: undefined,
      },
    ]);
    expect(arm.requests[0].url).toMatch(
      /^https:\/\/127\.0\.0\.1:7443\/subscriptions\?api-version=/,
    );
  });
});

describe('AzureAccess.fromConfig', () => {
  it('reads config, creates the credential and the clients, and logs no secret', async () => {
    const logger = mockServices.logger.mock();
    const arm = fakeArm(request => json(request, 200, { value: [] }));
    const access = AzureAccess.fromConfig(
      new ConfigReader({
        aksNetwork: {
          azure: {
            resourceManagerEndpoint: 'https://localhost:7443',
            credential: { type: 'development', token: 'very-secret-dev-token' },
            subscriptions: [SUB_A],
          },
        },
      }),
      { logger, httpClient: arm.httpClient },
    );
    expect(access.settings.resourceManagerEndpoint).toBe(
      'https://localhost:7443',
    );
    expect(await access.clients.listSubscriptionIds()).toEqual([SUB_A]);
    for await (const _ of access.clients
      .containerService(SUB_A)
      .managedClusters.list()) {
      // none
    }
    expect(arm.requests[0].headers.get('authorization')).toBe(
      'Bearer very-secret-dev-token',
    );
    expect(access.metrics.requests).toBe(1);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'Azure access: AzurePublicCloud at https://localhost:7443',
      ),
    );
    const logged = JSON.stringify([
      (logger.info as jest.Mock).mock.calls,
      (logger.warn as jest.Mock).mock.calls,
      (logger.debug as jest.Mock).mock.calls,
    ]);
    expect(logged).not.toContain('very-secret-dev-token');
  });

  it('refuses to start with a development credential for a remote endpoint', () => {
    expect(() =>
      AzureAccess.fromConfig(
        new ConfigReader({
          aksNetwork: {
            azure: {
              resourceManagerEndpoint: 'https://management.azure.com',
              credential: { type: 'development', token: 'dev-token' },
            },
          },
        }),
        { logger: mockServices.logger.mock() },
      ),
    ).toThrow(InputError);
  });
});
