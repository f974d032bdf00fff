import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import type { Request } from 'express';

type AuthorizeDeps = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
};

/**
 * The one permission check every route goes through: Backstage credentials (the
 * httpRouter already answers 401 without them), then the plugin permission declared in
 * common, else 403 with nothing done.
 */
export async function authorize(
  req: Request,
  permission: BasicPermission,
  deps: AuthorizeDeps,
): Promise<BackstageCredentials> {
  const credentials = await deps.httpAuth.credentials(req);
  await authorizeCredentials(credentials, permission, deps);
  return credentials;
}

/**
 * The decision part of {@link authorize}, for callers that hold credentials rather
 * than a request (the actions assistants call, which the actions registry hands the
 * caller's credentials). Anything but ALLOW, a conditional answer included, is a
 * NotAllowedError naming the permission.
 */
export async function authorizeCredentials(
  credentials: BackstageCredentials,
  permission: BasicPermission,
  deps: Pick<AuthorizeDeps, 'permissions'>,
): Promise<void> {
  const [decision] = await deps.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Missing permission ${permission.name}`);
  }
}

/**
 * The same check for a permission on one resource of the plugin (a reservation, a
 * cluster). The policy may answer with conditions (e.g. "is the caller's"), which are
 * applied here to the resource as the store holds it, with the rules registered for
 * its type (the plugin's and any an adopter's module added), the way the catalog
 * applies `isEntityOwner` to the entity it loads.
 *
 * A resource that does not exist is a 404 only where the policy's answer depends on
 * it; an unconditional deny is a 403 before anything is read.
 */
export async function authorizeResource<TResource>(
  req: Request,
  permission: ResourcePermission,
  deps: AuthorizeDeps,
  resource: {
    ruleset: PermissionRuleset<TResource>;
    load: () => Promise<TResource | undefined>;
    /** Words for the 404, e.g. "No reservation 'r-1'". */
    missing: string;
  },
): Promise<BackstageCredentials> {
  const credentials = await deps.httpAuth.credentials(req);
  const [decision] = await deps.permissions.authorizeConditional(
    [{ permission }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.ALLOW) {
    return credentials;
  }
  if (decision.result === AuthorizeResult.DENY) {
    throw new NotAllowedError(`Missing permission ${permission.name}`);
  }
  const loaded = await resource.load();
  if (loaded === undefined) {
    throw new NotFoundError(resource.missing);
  }
  if (!createConditionAuthorizer(resource.ruleset)(decision, loaded)) {
    throw new NotAllowedError(
      `Missing permission ${permission.name} on this ${permission.resourceType}`,
    );
  }
  return credentials;
}
