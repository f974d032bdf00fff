/**
 * A VNet range that node subnets are carved from, in one subscription and region.
 *
 * @public
 */
export interface AddressPool {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  vnetName: string;
  region: string;
  /** The range, canonical CIDR text (e.g. `10.240.0.0/16`). */
  range: string;
  /** Prefix of the subnets carved by default (DESIGN: a /27 for overlay). */
  subnetPrefix: number;
  description?: string;
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
