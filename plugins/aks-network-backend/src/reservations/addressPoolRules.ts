import {
  AddressPoolFields,
  AzureNameKind,
  DEFAULT_NODE_SUBNET_PREFIX,
  MAX_NAME_LENGTH,
  azureNameProblem,
  azureRegionNameProblem,
  formatCidr,
  subscriptionIdProblem,
  unsafeTextProblem,
} from '@aks-network/plugin-aks-network-common';
import { InputError } from '@backstage/errors';
import type { AddressPoolInput, AddressPoolUpdate } from '../model';
import { assertSubnetPrefix, readCidrField } from './subnetPrefixRules';

// Pool ids appear in URLs (`/address-pools/:id`) and in messages.
const POOL_ID = /^[a-z0-9]([a-z0-9._-]{0,126}[a-z0-9])?$/;

/**
 * Longest pool description: a sentence or a paragraph about the pool, not a document
 * (every pool list carries it).
 */
export const MAX_POOL_DESCRIPTION_LENGTH = 1000;

/**
 * Text of a request: present, a string, without control or bidirectional-formatting
 * characters (which would forge log lines or show one name as another), within `max`.
 * Messages never repeat a value that failed these checks.
 */
function requiredText(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`${field}: required`);
  }
  const unsafe = unsafeTextProblem(value);
  if (unsafe) {
    throw new InputError(`${field}: ${unsafe}`);
  }
  if ([...value].length > max) {
    throw new InputError(`${field}: at most ${max} characters`);
  }
  return value;
}

/** An Azure name of the pool's VNet, by common's rules (docs/domain.md#names: 63 characters). */
function azureName(field: string, kind: AzureNameKind, value: unknown): string {
  const text = requiredText(field, value, MAX_NAME_LENGTH);
  const problem = azureNameProblem(kind, text);
  if (problem) {
    throw new InputError(`${field}: '${text}': ${problem}`);
  }
  return text;
}

/**
 * The fields of a pool (common's `AddressPoolFields`), checked, with the range in
 * canonical form; a description may be cleared (`null`).
 */
export type CheckedAddressPool = Omit<AddressPoolFields, 'description'> & {
  description?: string | null;
};

/**
 * Checks a new pool, naming the field of the first problem in an `InputError`.
 */
export function checkAddressPoolInput(
  input: AddressPoolInput,
): CheckedAddressPool {
  const id = requiredText('id', input.id, 128);
  if (!POOL_ID.test(id)) {
    throw new InputError(
      `id: '${id}' must be lower-case letters, digits, '.', '_' or '-', starting and ending with a letter or digit`,
    );
  }
  return {
    id,
    ...checkAddressPoolFields(input, DEFAULT_NODE_SUBNET_PREFIX),
  };
}

/**
 * Checks the fields of a pool (new, or an existing one merged with an update): the
 * subscription a GUID, the resource group and VNet by Azure's name rules, the region
 * Azure's programmatic name, the range a CIDR the subnet prefix fits in, and a
 * description of printable text within {@link MAX_POOL_DESCRIPTION_LENGTH}.
 */
export function checkAddressPoolFields(
  input: AddressPoolUpdate,
  defaultSubnetPrefix: number,
): Omit<CheckedAddressPool, 'id'> {
  const subscriptionId = requiredText(
    'subscriptionId',
    input.subscriptionId,
    64,
  );
  const subscriptionProblem = subscriptionIdProblem(subscriptionId);
  if (subscriptionProblem) {
    throw new InputError(`subscriptionId: ${subscriptionProblem}`);
  }
  const resourceGroup = azureName(
    'resourceGroup',
    'resourceGroup',
    input.resourceGroup,
  );
  const vnetName = azureName('vnetName', 'vnet', input.vnetName);
  const region = requiredText('region', input.region, 64).toLowerCase();
  const regionProblem = azureRegionNameProblem(region);
  if (regionProblem) {
    throw new InputError(`region: '${region}': ${regionProblem}`);
  }
  const rangeText = requiredText('range', input.range, 64);
  const range = readCidrField('range', rangeText);
  const subnetPrefix = assertSubnetPrefix(
    'subnetPrefix',
    range,
    input.subnetPrefix ?? defaultSubnetPrefix,
  );
  const description = input.description;
  if (description !== undefined && description !== null) {
    if (typeof description !== 'string') {
      throw new InputError('description: expected text');
    }
    const unsafe = unsafeTextProblem(description);
    if (unsafe) {
      throw new InputError(`description: ${unsafe}`);
    }
    const length = [...description].length;
    if (length > MAX_POOL_DESCRIPTION_LENGTH) {
      throw new InputError(
        `description: ${length} characters; at most ${MAX_POOL_DESCRIPTION_LENGTH} are allowed`,
      );
    }
  }
  return {
    subscriptionId,
    resourceGroup,
    vnetName,
    region,
    range: formatCidr(range),
    subnetPrefix,
    ...(description !== undefined ? { description } : {}),
  };
}

/**
 * The VNet a pool carves from, as one key: ARM names compare case-insensitively, so two
 * pools on `vnet-weu` and `VNET-WEU` of one resource group share a VNet.
 */
export function poolVnetKey(pool: {
  subscriptionId: string;
  resourceGroup: string;
  vnetName: string;
}): string {
  return [pool.subscriptionId, pool.resourceGroup, pool.vnetName]
    .map(part => part.toLowerCase())
    .join('/');
}

/** A pool's VNet in words, for messages. */
export function describePoolVnet(pool: {
  subscriptionId: string;
  resourceGroup: string;
  vnetName: string;
}): string {
  return `VNet '${pool.vnetName}' of resource group '${pool.resourceGroup}' in subscription ${pool.subscriptionId}`;
}
