import { IncomingHttpHeaders } from 'node:http';
import { ArmError } from './ArmError';

/**
 * ARM requires `Authorization: Bearer <token>` on every call. Missing → 401
 * `AuthenticationFailed` with a `WWW-Authenticate` challenge naming the authority, as
 * ARM sends; a token other than `expectedToken` (when set) → 401
 * `InvalidAuthenticationToken`. The token itself is never logged or echoed.
 */
export function authenticate(
  headers: IncomingHttpHeaders,
  tenantId: string,
  expectedToken: string | undefined,
): void {
  const header = headers.authorization;
  const challenge = (description: string) =>
    `Bearer authorization_uri="https://login.microsoftonline.com/${tenantId}", error="invalid_token", error_description="${description}"`;
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!token) {
    throw new ArmError({
      statusCode: 401,
      code: 'AuthenticationFailed',
      message: header
        ? "Authentication failed. The 'Authorization' header is provided in an invalid format."
        : "Authentication failed. The 'Authorization' header is missing.",
      headers: {
        'WWW-Authenticate': challenge(
          "The authentication failed because of missing 'Authorization' header.",
        ),
      },
    });
  }
  if (expectedToken !== undefined && token !== expectedToken) {
    throw new ArmError({
      statusCode: 401,
      code: 'InvalidAuthenticationToken',
      message: 'The access token is invalid.',
      headers: {
        'WWW-Authenticate': challenge('The access token is invalid.'),
      },
    });
  }
}
