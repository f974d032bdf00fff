/**
 * The VNet id a subnet id belongs to (`…/virtualNetworks/v/subnets/s` → `…/virtualNetworks/v`),
 * or undefined if the id is not a subnet id. ARM ids compare case-insensitively, so
 * callers should compare with {@link sameArmId}.
 *
 * @public
 */
export function vnetIdOfSubnet(subnetId: string): string | undefined {
  const match = /^(.*\/virtualNetworks\/[^/]+)\/subnets\/[^/]+\/?$/i.exec(
    subnetId,
  );
  return match ? match[1] : undefined;
}

/**
 * Whether two ARM resource ids name the same resource (ARM ids are case-insensitive).
 *
 * @public
 */
export function sameArmId(
  a: string | undefined,
  b: string | undefined,
): boolean {
  if (a === undefined || b === undefined) {
    return false;
  }
  return (
    a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase()
  );
}

/**
 * The last path segment of an ARM id, for naming a resource in a sentence.
 *
 * @public
 */
export function armResourceName(resourceId: string): string {
  return resourceId.replace(/\/+$/, '').split('/').pop() ?? resourceId;
}
