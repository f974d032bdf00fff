/**
 * What an address pool is: a VNet range that node subnets are carved from, in one
 * subscription and region. The one statement of the shape: the wire type
 * (`ApiAddressPool`), the input (`AddressPoolInput`) and the backend's stored pool
 * (times as `Date`) are built on it.
 *
 * @public
 */
export interface AddressPoolFields {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  vnetName: string;
  region: string;
  /** Canonical CIDR text, e.g. `10.240.16.0/20`. */
  range: string;
  /** Prefix of the node subnets it hands out (a /27 for overlay: docs/domain.md). */
  subnetPrefix: number;
  description?: string;
}
