import type { TokenCredential } from '@azure/core-auth';
import {
  ClientSecretCredential,
  DefaultAzureCredential,
  type TokenCredentialOptions,
} from '@azure/identity';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AzureAccessConfig } from '../config/AzureAccessConfig';
import { createDevelopmentCredential } from './developmentCredential';
import { secretScrubbingCredential } from './secretScrubbingCredential';

/**
 * Options of {@link createAzureCredential}.
 *
 * @public
 */
export interface CreateAzureCredentialOptions {
  logger: LoggerService;
  /**
   * Passed to the `@azure/identity` credentials (proxy, retry, HTTP client). The
   * authority host always comes from the config.
   */
  identityOptions?: TokenCredentialOptions;
}

/**
 * The credential named by `aksNetwork.azure.credential`:
 *
 * - `default`: `DefaultAzureCredential` (environment, workload identity, managed
 *   identity, Azure CLI …) against the cloud's authority host;
 * - `clientSecret`: `ClientSecretCredential`;
 * - `development`: a fixed token, refused here (throws) unless the config names an
 *   explicit loopback `resourceManagerEndpoint`.
 *
 * Token failures surface as `AzureCredentialError`s with every secret scrubbed.
 *
 * @public
 */
export function createAzureCredential(
  access: AzureAccessConfig,
  options: CreateAzureCredentialOptions,
): TokenCredential {
  const { logger } = options;
  const identityOptions: TokenCredentialOptions = {
    ...options.identityOptions,
    authorityHost: access.authorityHost,
  };
  const { credential } = access;
  if (credential.type === 'development') {
    // Checked again here, not only when reading config, because an AzureAccessConfig
    // can also be built by hand.
    const inner = createDevelopmentCredential({
      token: credential.token,
      endpoint: access.customResourceManagerEndpoint
        ? access.resourceManagerEndpoint
        : undefined,
    });
    logger.warn(
      `Using the development credential against ${access.resourceManagerEndpoint}; ` +
        'it is meant for the local ARM simulator only',
    );
    return secretScrubbingCredential(inner, {
      secrets: [credential.token],
      description: 'the development credential',
      logger,
    });
  }
  if (credential.type === 'clientSecret') {
    const inner = new ClientSecretCredential(
      credential.tenantId,
      credential.clientId,
      credential.clientSecret,
      identityOptions,
    );
    return secretScrubbingCredential(inner, {
      secrets: [credential.clientSecret],
      description: `the client secret of application ${credential.clientId}`,
      logger,
    });
  }
  const inner = new DefaultAzureCredential({
    ...identityOptions,
    tenantId: credential.tenantId,
    managedIdentityClientId: credential.managedIdentityClientId,
    workloadIdentityClientId: credential.workloadIdentityClientId,
  });
  // DefaultAzureCredential may pick up a client secret from the environment.
  const environmentSecret = process.env.AZURE_CLIENT_SECRET;
  return secretScrubbingCredential(inner, {
    secrets: environmentSecret ? [environmentSecret] : [],
    description: 'DefaultAzureCredential',
    logger,
  });
}
