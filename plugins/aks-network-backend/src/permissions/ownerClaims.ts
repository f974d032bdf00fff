import { readEntityRef } from '@aks-network/plugin-aks-network-common';

/**
 * An owner as an entity ref the way the catalog reads it (`team-a`, `group:team-a` and
 * `group:default/team-a` are the same group), or undefined when it is none.
 */
export function ownerEntityRef(owner: string | null): string | undefined {
  if (!owner) {
    return undefined;
  }
  const read = readEntityRef(owner, 'group', ['group', 'user']);
  return read.ok ? read.ref : undefined;
}

/**
 * Whether an owner is one of the caller's ownership refs (the user and the groups the
 * catalog says they are in), compared as entity refs, case-insensitively, as the
 * catalog's `isEntityOwner` rule does.
 */
export function ownedByClaims(
  owner: string | null,
  claims: readonly string[],
): boolean {
  const ref = ownerEntityRef(owner);
  if (!ref) {
    return false;
  }
  return claims.some(claim => ownerEntityRef(claim) === ref);
}
