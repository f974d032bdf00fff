/**
 * ARM resource ids. ARM compares ids case-insensitively (names keep the casing they
 * were created with), so the store keys every id by its lower-cased form.
 */

/** The store key of an id: lower case, no trailing slash. */
export function idKey(id: string): string {
  // Most ids have no trailing slash: skip the RegExp for them (a fleet-scale usages
  // answer calls this for every pool of every cluster).
  const trimmed = id.endsWith('/') ? id.replace(/\/+$/, '') : id;
  return trimmed.toLowerCase();
}

/** `/subscriptions/{s}/resourceGroups/{rg}` */
export function resourceGroupId(subscriptionId: string, rg: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${rg}`;
}

/** Id of a top-level resource: `/subscriptions/…/resourceGroups/…/providers/{ns}/{type}/{name}`. */
export function providerResourceId(
  subscriptionId: string,
  rg: string,
  namespaceAndType: string,
  name: string,
): string {
  return `${resourceGroupId(
    subscriptionId,
    rg,
  )}/providers/${namespaceAndType}/${name}`;
}

/** The parts of an ARM id this simulator reads. */
export interface ParsedArmId {
  subscriptionId: string;
  resourceGroup: string;
  /** e.g. `Microsoft.Network` */
  namespace: string;
  /** Type and name pairs after the namespace, e.g. virtualNetworks/v, subnets/s. */
  segments: { type: string; name: string }[];
}

/**
 * Parses `/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}…]`.
 * Undefined when the id is not of that form (ARM answers `LinkedInvalidPropertyId`).
 */
export function parseArmId(id: string): ParsedArmId | undefined {
  const match =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/(.+?)\/?$/i.exec(
      id,
    );
  if (!match) {
    return undefined;
  }
  const rest = match[4].split('/');
  if (rest.length % 2 !== 0 || rest.some(part => part === '')) {
    return undefined;
  }
  const segments: { type: string; name: string }[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    segments.push({ type: rest[i], name: rest[i + 1] });
  }
  return {
    subscriptionId: match[1],
    resourceGroup: match[2],
    namespace: match[3],
    segments,
  };
}

/** The last segment's name of an id. */
export function nameOfId(id: string): string {
  const parts = id.replace(/\/+$/, '').split('/');
  return parts[parts.length - 1];
}

/** A stable pseudo-GUID derived from a string (resourceGuid, principalId, …). */
export function guidFrom(text: string): string {
  // FNV-1a over four seeds gives 128 bits without pulling in a hash dependency; the
  // value only has to be stable per resource, not secret.
  const words = [0x811c9dc5, 0x01000193, 0x2f9be6cd, 0x6c8e9cf5].map(seed => {
    let hash = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(
    13,
    16,
  )}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
