import type { AddressPoolFields } from '@aks-network/plugin-aks-network-common';

/**
 * A VNet range that node subnets are carved from, in one subscription and region:
 * common's `AddressPoolFields` with its times as dates.
 *
 * @public
 */
export interface AddressPool extends AddressPoolFields {
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Fields of a new address pool; `subnetPrefix` defaults to 27.
 *
 * @public
 */
export type AddressPoolInput = Omit<
  AddressPool,
  'createdAt' | 'updatedAt' | 'subnetPrefix'
> & { subnetPrefix?: number };

/**
 * Fields of an address pool that may change.
 *
 * @public
 */
export type AddressPoolUpdate = Partial<
  Omit<AddressPool, 'id' | 'createdAt' | 'updatedAt' | 'description'>
> & { description?: string | null };
