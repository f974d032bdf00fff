import { AZURE_NAME_MAX_LENGTHS } from '../facts';
import { findUnsafeCharacter } from '../text';
import type { AzureNameKind } from '../validation/AzureNameRules';
import { azureNameProblem } from '../validation/AzureNameRules';
import { subscriptionIdProblem } from '../validation/AzureIdRules';

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
 * The one normal form of an ARM resource id, for comparing ids and keying maps, rows
 * and digests by them: trailing slashes trimmed, lower-cased (ARM ids are
 * case-insensitive). The node library's `armIdKey` and the backend's table key use
 * it, so an id compares the same everywhere.
 *
 * @public
 */
export function normaliseArmId(id: string): string {
  return id.replace(/\/+$/, '').toLowerCase();
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
  return normaliseArmId(a) === normaliseArmId(b);
}

/**
 * The last path segment of an ARM id, for naming a resource in a sentence.
 *
 * @public
 */
export function armResourceName(resourceId: string): string {
  return resourceId.replace(/\/+$/, '').split('/').pop() ?? resourceId;
}

/**
 * The outcome of parsing an ARM id: the parts, or why it is not one (never thrown, so
 * a route can name the field).
 *
 * @public
 */
export type ArmIdParse<T> =
  | { ok: true; value: T }
  | { ok: false; reason: string };

/**
 * A managed cluster's ARM id in parts.
 *
 * @public
 */
export interface ManagedClusterIdParts {
  /** The id as given, without a trailing slash. */
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

/**
 * A subnet's ARM id in parts.
 *
 * @public
 */
export interface SubnetIdParts {
  /** The id as given, without a trailing slash. */
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  vnetName: string;
  subnetName: string;
  /** The VNet's id, a prefix of `id`. */
  vnetId: string;
}

/**
 * A VNet's ARM id in parts.
 *
 * @public
 */
export interface VirtualNetworkIdParts {
  /** The id as given, without a trailing slash. */
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  vnetName: string;
}

/** ARM ids of the resources read here are far shorter; anything longer is not one. */
const MAX_ARM_ID_LENGTH = 1024;

interface ArmIdShape {
  label: string;
  example: string;
  provider: string;
  /** Resource type segments after the provider, each with the kind of its name. */
  types: Array<{ type: string; kind: AzureNameKind }>;
}

/**
 * Reads `/subscriptions/<guid>/resourceGroups/<rg>/providers/<provider>/<type>/<name>…`:
 * fixed words compare case-insensitively (ARM ids do); the subscription is a GUID; each
 * name keeps Azure's rules for its kind with Azure's own length limits
 * (`AZURE_NAME_MAX_LENGTHS`). So no `..`, `%2F`, query or extra segment gets through to
 * a URL built from the parts.
 */
function parseArmId(
  text: unknown,
  shape: ArmIdShape,
): ArmIdParse<{ id: string; names: string[]; subscriptionId: string }> {
  const fail = (why: string) => ({
    ok: false as const,
    reason: `not ${shape.label} ARM id (${shape.example}): ${why}`,
  });
  if (typeof text !== 'string' || text === '') {
    return fail('expected text');
  }
  if (text.length > MAX_ARM_ID_LENGTH) {
    return fail(`longer than ${MAX_ARM_ID_LENGTH} characters`);
  }
  const unsafe = findUnsafeCharacter(text);
  if (unsafe) {
    return fail(`holds the character ${unsafe.codePoint}`);
  }
  const id = text.endsWith('/') ? text.slice(0, -1) : text;
  const segments = id.split('/');
  const expected = 7 + shape.types.length * 2;
  if (segments[0] !== '' || segments.length !== expected) {
    return fail(`expected ${expected - 1} segments after a leading '/'`);
  }
  const word = (index: number, expectedWord: string) =>
    segments[index].toLowerCase() === expectedWord.toLowerCase();
  if (!word(1, 'subscriptions')) return fail("expected '/subscriptions/'");
  const subscriptionProblem = subscriptionIdProblem(segments[2]);
  if (subscriptionProblem) return fail(subscriptionProblem);
  if (!word(3, 'resourceGroups')) return fail("expected '/resourceGroups/'");
  const groupProblem = azureNameProblem(
    'resourceGroup',
    segments[4],
    AZURE_NAME_MAX_LENGTHS.resourceGroup,
  );
  if (groupProblem) return fail(groupProblem);
  if (!word(5, 'providers') || !word(6, shape.provider)) {
    return fail(`expected '/providers/${shape.provider}/'`);
  }
  const names: string[] = [segments[4]];
  for (const [index, { type, kind }] of shape.types.entries()) {
    const at = 7 + index * 2;
    if (!word(at, type)) return fail(`expected '/${type}/'`);
    const problem = azureNameProblem(
      kind,
      segments[at + 1],
      AZURE_NAME_MAX_LENGTHS[kind],
    );
    if (problem) return fail(problem);
    names.push(segments[at + 1]);
  }
  return { ok: true, value: { id, names, subscriptionId: segments[2] } };
}

const MANAGED_CLUSTER: ArmIdShape = {
  label: 'a managed cluster',
  example:
    '/subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.ContainerService/managedClusters/<name>',
  provider: 'Microsoft.ContainerService',
  types: [{ type: 'managedClusters', kind: 'cluster' }],
};

const VIRTUAL_NETWORK: ArmIdShape = {
  label: 'a VNet',
  example:
    '/subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>',
  provider: 'Microsoft.Network',
  types: [{ type: 'virtualNetworks', kind: 'vnet' }],
};

const SUBNET: ArmIdShape = {
  label: 'a subnet',
  example:
    '/subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>',
  provider: 'Microsoft.Network',
  types: [
    { type: 'virtualNetworks', kind: 'vnet' },
    { type: 'subnets', kind: 'subnet' },
  ],
};

/**
 * Parses a managed cluster's ARM id
 * (`/subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.ContainerService/managedClusters/<name>`).
 * Never throws.
 *
 * @public
 */
export function parseManagedClusterId(
  text: unknown,
): ArmIdParse<ManagedClusterIdParts> {
  const parsed = parseArmId(text, MANAGED_CLUSTER);
  if (!parsed.ok) return parsed;
  const [resourceGroup, name] = parsed.value.names;
  return {
    ok: true,
    value: {
      id: parsed.value.id,
      subscriptionId: parsed.value.subscriptionId,
      resourceGroup,
      name,
    },
  };
}

/**
 * Parses a VNet's ARM id. Never throws.
 *
 * @public
 */
export function parseVirtualNetworkId(
  text: unknown,
): ArmIdParse<VirtualNetworkIdParts> {
  const parsed = parseArmId(text, VIRTUAL_NETWORK);
  if (!parsed.ok) return parsed;
  const [resourceGroup, vnetName] = parsed.value.names;
  return {
    ok: true,
    value: {
      id: parsed.value.id,
      subscriptionId: parsed.value.subscriptionId,
      resourceGroup,
      vnetName,
    },
  };
}

/**
 * Parses a subnet's ARM id
 * (`/subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>`).
 * Never throws.
 *
 * @public
 */
export function parseSubnetId(text: unknown): ArmIdParse<SubnetIdParts> {
  const parsed = parseArmId(text, SUBNET);
  if (!parsed.ok) return parsed;
  const [resourceGroup, vnetName, subnetName] = parsed.value.names;
  const id = parsed.value.id;
  return {
    ok: true,
    value: {
      id,
      subscriptionId: parsed.value.subscriptionId,
      resourceGroup,
      vnetName,
      subnetName,
      vnetId: id.slice(0, id.length - subnetName.length - '/subnets/'.length),
    },
  };
}
