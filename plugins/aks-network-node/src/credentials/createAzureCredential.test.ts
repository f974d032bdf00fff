import {
  createHttpHeaders,
  type HttpClient,
  type PipelineRequest,
} from '@azure/core-rest-pipeline';
import { DefaultAzureCredential } from '@azure/identity';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { AzureAccessConfig } from '../config/AzureAccessConfig';
import {
  redactAzureAccessConfig,
  describeAzureAccess,
} from '../config/describeAzureAccess';
import { readAzureAccessConfig } from '../config/readAzureAccessConfig';
import { createAzureCredential } from './createAzureCredential';
import { DevelopmentCredentialRefusedError } from './developmentCredential';
import { AzureCredentialError } from './secretScrubbingCredential';

const SCOPE = 'https://management.azure.com/.default';

// DefaultAzureCredential probes the machine (environment, managed identity endpoint,
// Azure CLI); only the options it is given matter here.
jest.mock('@azure/identity', () => ({
  ...jest.requireActual('@azure/identity'),
  DefaultAzureCredential: jest.fn().mockImplementation(() => ({
    getToken: async () => ({ token: 'ambient-token', expiresOnTimestamp: 0 }),
  })),
}));

function access(overrides: Partial<AzureAccessConfig>): AzureAccessConfig {
  return {
    ...readAzureAccessConfig(new ConfigReader({})),
    ...overrides,
  };
}

// Every string any logger method was called with, arguments and metadata included.
function loggedText(
  logger: ReturnType<typeof mockServices.logger.mock>,
): string {
  const calls = [logger.debug, logger.info, logger.warn, logger.error].flatMap(
    fn => (fn as jest.Mock).mock.calls,
  );
  return JSON.stringify(calls);
}

describe('createAzureCredential', () => {
  it('creates DefaultAzureCredential for type default, on the cloud authority', async () => {
    const credential = createAzureCredential(
      access({
        cloud: 'AzureChinaCloud',
        authorityHost: 'https://login.chinacloudapi.cn',
        credential: {
          type: 'default',
          tenantId: 'tenant-1',
          managedIdentityClientId: 'mi-1',
        },
      }),
      { logger: mockServices.logger.mock() },
    );
    expect(DefaultAzureCredential).toHaveBeenCalledWith(
      expect.objectContaining({
        authorityHost: 'https://login.chinacloudapi.cn',
        tenantId: 'tenant-1',
        managedIdentityClientId: 'mi-1',
      }),
    );
    expect((await credential.getToken(SCOPE))?.token).toBe('ambient-token');
  });

  it('creates a client secret credential that asks the cloud authority', async () => {
    const requests: PipelineRequest[] = [];
    const httpClient: HttpClient = {
      async sendRequest(request) {
        requests.push(request);
        return {
          request,
          status: 200,
          headers: createHttpHeaders({ 'content-type': 'application/json' }),
          bodyAsText: JSON.stringify({
            token_type: 'Bearer',
            access_token: 'aad-token',
            expires_in: 3600,
          }),
        };
      },
    };
    const credential = createAzureCredential(
      access({
        cloud: 'AzureUSGovernment',
        authorityHost: 'https://login.microsoftonline.us',
        credential: {
          type: 'clientSecret',
          tenantId: 'tenant-1',
          clientId: 'client-1',
          clientSecret: 'secret-1',
        },
      }),
      { logger: mockServices.logger.mock(), identityOptions: { httpClient } },
    );
    const token = await credential.getToken(
      'https://management.usgovcloudapi.net/.default',
    );
    expect(token?.token).toBe('aad-token');
    expect(requests[0].url).toMatch(
      /^https:\/\/login\.microsoftonline\.us\/tenant-1\/oauth2\/v2\.0\/token/,
    );
  });

  it('hands out the development token for a loopback endpoint', async () => {
    const credential = createAzureCredential(
      access({
        resourceManagerEndpoint: 'https://127.0.0.1:7443',
        customResourceManagerEndpoint: true,
        credential: { type: 'development', token: 'dev-token' },
      }),
      { logger: mockServices.logger.mock() },
    );
    expect((await credential.getToken(SCOPE))?.token).toBe('dev-token');
  });

  it.each([
    ['a remote endpoint', 'https://10.1.2.3', true],
    ['the public cloud', 'https://management.azure.com', false],
    // The cloud's own endpoint is refused even if it were loopback: only an explicit one counts.
    ['an endpoint not set in config', 'https://127.0.0.1:7443', false],
  ])(
    'refuses the development credential for %s at creation',
    (_, endpoint, custom) => {
      expect(() =>
        createAzureCredential(
          access({
            resourceManagerEndpoint: endpoint,
            customResourceManagerEndpoint: custom,
            credential: { type: 'development', token: 'dev-token' },
          }),
          { logger: mockServices.logger.mock() },
        ),
      ).toThrow(DevelopmentCredentialRefusedError);
    },
  );

  describe('secret hygiene', () => {
    const secret = 'Zq8~very.secret/VALUE+1';

    it('keeps the client secret out of every log line and error, even when the authority echoes it', async () => {
      const logger = mockServices.logger.mock();
      const config = new ConfigReader({
        aksNetwork: {
          azure: {
            cloud: 'AzurePublicCloud',
            credential: {
              type: 'clientSecret',
              tenantId: 'tenant-1',
              clientId: 'client-1',
              clientSecret: secret,
            },
          },
        },
      });
      const settings = readAzureAccessConfig(config);
      logger.info(describeAzureAccess(settings));
      logger.info(
        `settings ${JSON.stringify(redactAzureAccessConfig(settings))}`,
      );

      // A token endpoint that quotes the secret back, as a worst case.
      const echoing: HttpClient = {
        async sendRequest(request) {
          return {
            request,
            status: 401,
            headers: createHttpHeaders({ 'content-type': 'application/json' }),
            bodyAsText: JSON.stringify({
              error: 'invalid_client',
              error_description: `AADSTS7000215: Invalid client secret provided: ${secret} (${encodeURIComponent(
                secret,
              )})`,
            }),
          };
        },
      };
      const echoed = createAzureCredential(settings, {
        logger,
        identityOptions: { httpClient: echoing },
      });
      const echoError = await echoed.getToken(SCOPE).catch(e => e);

      // An authority that cannot be reached at all (nothing listens on port 1).
      const unreachable = createAzureCredential(
        { ...settings, authorityHost: 'https://127.0.0.1:1' },
        { logger, identityOptions: { retryOptions: { maxRetries: 0 } } },
      );
      const unreachableError = await unreachable.getToken(SCOPE).catch(e => e);

      for (const error of [echoError, unreachableError]) {
        expect(error).toBeInstanceOf(AzureCredentialError);
        expect(error.message).toContain('client-1');
        expect(error.message).not.toContain(secret);
        expect(error.message).not.toContain(encodeURIComponent(secret));
        expect(JSON.stringify(error)).not.toContain(secret);
        expect(error.cause).toBeUndefined();
      }
      expect(echoError.message).toContain('<redacted>');
      expect(echoError.credentialErrorName).toBe('AuthenticationRequiredError');

      const logs = loggedText(logger);
      expect(logs).toContain('Could not get an Azure token');
      expect(logs).toContain('<redacted>');
      expect(logs).not.toContain(secret);
      expect(logs).not.toContain(encodeURIComponent(secret));
    });

    it('keeps the development token out of logs and errors', async () => {
      const logger = mockServices.logger.mock();
      const settings = access({
        resourceManagerEndpoint: 'https://127.0.0.1:7443',
        customResourceManagerEndpoint: true,
        credential: { type: 'development', token: secret },
      });
      logger.info(describeAzureAccess(settings));
      logger.info(
        `settings ${JSON.stringify(redactAzureAccessConfig(settings))}`,
      );
      createAzureCredential(settings, { logger });
      const refused = (() => {
        try {
          createAzureCredential(
            { ...settings, resourceManagerEndpoint: 'https://10.0.0.1' },
            { logger },
          );
        } catch (error) {
          return error as Error;
        }
        return undefined;
      })();
      expect(refused?.message).not.toContain(secret);
      expect(loggedText(logger)).not.toContain(secret);
    });
  });
});
