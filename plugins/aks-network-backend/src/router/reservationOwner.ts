import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ownedByClaims, ownerEntityRef } from '../permissions/ownerClaims';

/**
 * Who a reservation is for, from the caller's identity: the signed-in user (also when a
 * backend such as the scaffolder calls on the user's behalf: its on-behalf-of token
 * carries the user), or a group the user is in when the request names one. A name the
 * caller cannot claim is a 403 naming `owner`, so no one holds a range in another
 * team's name. A service calling for itself holds reservations in its own name and
 * names no other.
 *
 * @throws InputError, NotAllowedError naming `owner`; ServiceUnavailableError when the
 *   user's groups cannot be read.
 */
export async function reservationOwner(
  credentials: BackstageCredentials,
  requested: string | undefined,
  userInfo: UserInfoService,
): Promise<string> {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type !== 'user' || !principal.userEntityRef) {
    if (requested !== undefined) {
      throw new NotAllowedError(
        'owner: a service calling for itself cannot name an owner; call on behalf of the user',
      );
    }
    return principal.subject ?? 'unknown';
  }
  if (requested === undefined) {
    return principal.userEntityRef;
  }
  const ref = ownerEntityRef(requested);
  if (!ref) {
    throw new InputError(
      "owner: expected an entity ref of a user or group, e.g. 'group:default/team-payments'",
    );
  }
  let claims: string[];
  try {
    ({ ownershipEntityRefs: claims } = await userInfo.getUserInfo(credentials));
  } catch {
    throw new ServiceUnavailableError(
      `owner: the groups of ${principal.userEntityRef} could not be read, so '${ref}' cannot be checked; nothing was reserved`,
    );
  }
  if (!ownedByClaims(ref, [principal.userEntityRef, ...claims])) {
    throw new NotAllowedError(
      `owner: ${
        principal.userEntityRef
      } may reserve for themselves or a group they are in (${claims.join(
        ', ',
      )}), not '${ref}'`,
    );
  }
  return ref;
}
