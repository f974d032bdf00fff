import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { isLoopbackEndpoint } from './isLoopbackEndpoint';

/**
 * Thrown when a development credential is configured for an endpoint that is not this
 * machine's loopback interface.
 *
 * @public
 */
export class DevelopmentCredentialRefusedError extends Error {
  constructor(endpoint: string | undefined) {
    super(
      endpoint === undefined
        ? 'The development credential (aksNetwork.azure.credential.type: development) ' +
            'needs an explicit aksNetwork.azure.resourceManagerEndpoint on a loopback ' +
            'address (localhost, 127.0.0.0/8 or ::1); it is never sent to a real Azure cloud.'
        : `The development credential (aksNetwork.azure.credential.type: development) is ` +
            `refused for ${describeHost(
              endpoint,
            )}: it is only allowed for a loopback ` +
            `endpoint (localhost, 127.0.0.0/8 or ::1). Use credential type "default" or ` +
            `"clientSecret" for any other endpoint.`,
    );
    this.name = 'DevelopmentCredentialRefusedError';
  }
}

function describeHost(endpoint: string): string {
  try {
    return `endpoint host "${new URL(endpoint).host}"`;
  } catch {
    return 'an endpoint that is not a URL';
  }
}

/**
 * Throws {@link DevelopmentCredentialRefusedError} unless `endpoint` is an explicit
 * loopback URL.
 */
export function assertDevelopmentEndpoint(endpoint: string | undefined): void {
  if (endpoint === undefined || !isLoopbackEndpoint(endpoint)) {
    throw new DevelopmentCredentialRefusedError(endpoint);
  }
}

// A token that never expires, so the SDK's bearer policy asks for it once and keeps it.
const NEVER_EXPIRES = Number.MAX_SAFE_INTEGER;

/**
 * A credential that hands out one fixed bearer token, for the local ARM simulator.
 * Refused (throws at creation) unless `endpoint` is a loopback URL, so a fixed token can
 * never reach a real cloud.
 *
 * @public
 */
export function createDevelopmentCredential(options: {
  token: string;
  endpoint: string | undefined;
}): TokenCredential {
  assertDevelopmentEndpoint(options.endpoint);
  const { token } = options;
  return {
    async getToken(): Promise<AccessToken> {
      return { token, expiresOnTimestamp: NEVER_EXPIRES, tokenType: 'Bearer' };
    },
  };
}
