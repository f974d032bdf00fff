import type {
  AccessToken,
  GetTokenOptions,
  TokenCredential,
} from '@azure/core-auth';
import { errorMessage } from '@aks-network/plugin-aks-network-common';
import type { LoggerService } from '@backstage/backend-plugin-api';

const REDACTED = '<redacted>';

/**
 * Why a credential failed to give a token, with every configured secret removed from
 * the message. The identity library's own error (whose message or attached request may
 * quote a token endpoint's reply or a form body) is deliberately not kept as `cause`.
 *
 * @public
 */
export class AzureCredentialError extends Error {
  /** The name of the identity library's error, e.g. `AuthenticationError`. */
  readonly credentialErrorName: string;

  constructor(message: string, credentialErrorName: string) {
    super(message);
    this.name = 'AzureCredentialError';
    this.credentialErrorName = credentialErrorName;
  }
}

/**
 * Replaces each secret, and its URL-encoded form (token requests are form-encoded), by
 * `<redacted>`.
 */
export function scrubSecrets(
  text: string,
  secrets: ReadonlyArray<string>,
): string {
  let scrubbed = text;
  for (const secret of secrets) {
    if (secret.length === 0) {
      continue;
    }
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      scrubbed = scrubbed.split(form).join(REDACTED);
    }
  }
  return scrubbed;
}

/**
 * Wraps a credential so that a failed `getToken` throws an {@link AzureCredentialError}
 * whose message holds none of `secrets`, and logs that message once as a warning.
 */
export function secretScrubbingCredential(
  inner: TokenCredential,
  options: {
    secrets: ReadonlyArray<string>;
    description: string;
    logger: LoggerService;
  },
): TokenCredential {
  const { secrets, description, logger } = options;
  return {
    async getToken(
      scopes: string | string[],
      getTokenOptions?: GetTokenOptions,
    ): Promise<AccessToken | null> {
      try {
        return await inner.getToken(scopes, getTokenOptions);
      } catch (error) {
        const name = error instanceof Error ? error.name : 'Error';
        const detail = errorMessage(error);
        const message = scrubSecrets(
          `Could not get an Azure token with ${description}: ${detail}`,
          secrets,
        );
        logger.warn(message);
        throw new AzureCredentialError(message, name);
      }
    },
  };
}
