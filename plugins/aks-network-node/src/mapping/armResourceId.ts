import { normaliseArmId } from '@aks-network/plugin-aks-network-common';

/**
 * The parts of an ARM resource id that the node library needs to call the SDK
 * (`/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}]…`).
 *
 * @public
 */
export interface ArmResourceIdParts {
  subscriptionId: string;
  resourceGroup: string;
  /** The resource provider namespace as written in the id, e.g. `Microsoft.Network`. */
  provider: string;
  /**
   * Type segments after the provider, outermost first, as written in the id: a subnet
   * is `['virtualNetworks', 'subnets']`.
   */
  types: string[];
  /** Names matching {@link ArmResourceIdParts.types}: a subnet is `['vnet-a', 'aks-sn']`. */
  names: string[];
}

const ARM_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)((?:\/[^/]+\/[^/]+)+)\/?$/i;

/**
 * Parses an ARM resource id, or returns undefined when it is not one. Segment names
 * (`resourceGroups`, `providers`) are matched case-insensitively because ARM ids are
 * case-insensitive: AKS returns `vnetSubnetID` values as the user typed them, so
 * `/resourcegroups/` is as common as `/resourceGroups/`.
 *
 * @public
 */
export function parseArmResourceId(
  id: string | undefined,
): ArmResourceIdParts | undefined {
  if (!id) {
    return undefined;
  }
  const match = ARM_ID.exec(id.trim());
  if (!match) {
    return undefined;
  }
  const [, subscriptionId, resourceGroup, provider, rest] = match;
  const segments = rest.split('/').slice(1);
  const types: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < segments.length; i += 2) {
    types.push(segments[i]);
    names.push(segments[i + 1]);
  }
  return { subscriptionId, resourceGroup, provider, types, names };
}

/**
 * The full resource type of a parsed id in lower case, e.g.
 * `microsoft.network/virtualnetworks/subnets`, for comparisons.
 */
export function armResourceType(parts: ArmResourceIdParts): string {
  return [parts.provider, ...parts.types].join('/').toLowerCase();
}

/**
 * The ARM id of parts, the inverse of {@link parseArmResourceId}: names as given, with
 * no trailing slash.
 *
 * @public
 */
export function formatArmResourceId(parts: ArmResourceIdParts): string {
  const path = parts.types.map((type, i) => `/${type}/${parts.names[i]}`);
  return `/subscriptions/${parts.subscriptionId}/resourceGroups/${
    parts.resourceGroup
  }/providers/${parts.provider}${path.join('')}`;
}

/**
 * A managed cluster's ARM id, the one place it is built from its parts.
 *
 * @public
 */
export function managedClusterId(
  subscriptionId: string,
  resourceGroup: string,
  name: string,
): string {
  return formatArmResourceId({
    subscriptionId,
    resourceGroup,
    provider: 'Microsoft.ContainerService',
    types: ['managedClusters'],
    names: [name],
  });
}

/**
 * The one normalisation of ARM ids, defined in common so the frontend's `sameArmId`
 * uses it too.
 */
export { normaliseArmId };

/**
 * A key under which an ARM id can be stored in a map: common's `normaliseArmId` of the
 * id without surrounding whitespace (ids read from user input or tags may carry it).
 *
 * @public
 */
export function armIdKey(id: string): string {
  return normaliseArmId(id.trim());
}
