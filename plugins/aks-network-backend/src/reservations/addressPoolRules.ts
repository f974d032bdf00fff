import {
  DEFAULT_NODE_SUBNET_PREFIX,
  formatCidr,
} from '@aks-network/plugin-aks-network-common';
import { InputError } from '@backstage/errors';
import type {
  AddressPoolInput,
  AddressPoolUpdate,
} from '../database/AksNetworkStore';
import { assertSubnetPrefix, readCidrField } from './subnetPrefixRules';

// Pool ids appear in URLs (`/address-pools/:id`) and in messages.
const POOL_ID = /^[a-z0-9]([a-z0-9._-]{0,126}[a-z0-9])?$/;
// DESIGN: "Names (cluster, subnet, VNet, resource group) ≤ 63 characters".
const MAX_AZURE_NAME = 63;

function requiredText(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`${field}: required`);
  }
  if (value.length > max) {
    throw new InputError(`${field}: at most ${max} characters`);
  }
  return value;
}

/** The fields of a pool, checked, with the range in canonical form. */
export interface CheckedAddressPool {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  vnetName: string;
  region: string;
  range: string;
  subnetPrefix: number;
  description?: string | null;
}

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
 * Checks the fields of a pool (new, or an existing one merged with an update).
 */
export function checkAddressPoolFields(
  input: AddressPoolUpdate,
  defaultSubnetPrefix: number,
): Omit<CheckedAddressPool, 'id'> {
  const range = readCidrField('range', input.range);
  const subnetPrefix = assertSubnetPrefix(
    'subnetPrefix',
    range,
    input.subnetPrefix ?? defaultSubnetPrefix,
  );
  const description = input.description;
  if (
    description !== undefined &&
    description !== null &&
    typeof description !== 'string'
  ) {
    throw new InputError('description: expected text');
  }
  return {
    subscriptionId: requiredText('subscriptionId', input.subscriptionId, 64),
    resourceGroup: requiredText(
      'resourceGroup',
      input.resourceGroup,
      MAX_AZURE_NAME,
    ),
    vnetName: requiredText('vnetName', input.vnetName, MAX_AZURE_NAME),
    region: requiredText('region', input.region, 64).toLowerCase(),
    range: formatCidr(range),
    subnetPrefix,
    ...(description !== undefined ? { description } : {}),
  };
}
