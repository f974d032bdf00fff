import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import type { Request } from 'express';

/**
 * The one permission check every route goes through: Backstage credentials (the
 * httpRouter already answers 401 without them), then the plugin permission declared in
 * common, else 403 with nothing done.
 */
export async function authorize(
  req: Request,
  permission: BasicPermission,
  deps: { httpAuth: HttpAuthService; permissions: PermissionsService },
): Promise<BackstageCredentials> {
  const credentials = await deps.httpAuth.credentials(req);
  const [decision] = await deps.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Missing permission ${permission.name}`);
  }
  return credentials;
}
