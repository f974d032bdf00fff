import type { ArmClients } from '@aks-network/plugin-aks-network-node';

/**
 * A VNet as the reservations and plans need it: its address space (a plan checks the
 * pod and service CIDRs against it; docs/domain.md#pod-cidr-no-overlap: they must not overlap the VNet) and the
 * prefixes of the subnets it already has (taken, whoever made them).
 *
 * @public
 */
export interface VnetRead {
  addressSpace: string[];
  subnetPrefixes: string[];
  /** The VNet's region as ARM gives it (`westeurope`), when it does. */
  location?: string;
}

/**
 * Where a pool's VNet is read from: the store never calls Azure, so the service reads
 * the VNet first and passes its subnets in.
 *
 * @public
 */
export interface VnetSubnetSource {
  readVnet(vnet: {
    subscriptionId: string;
    resourceGroup: string;
    vnetName: string;
  }): Promise<VnetRead>;
}

/**
 * Reads a VNet through the ARM clients: one GET, which returns the VNet with its
 * subnets embedded (ARM's `properties.subnets`).
 *
 * @public
 */
export class ArmVnetSubnetSource implements VnetSubnetSource {
  constructor(private readonly clients: Pick<ArmClients, 'network'>) {}

  async readVnet(vnet: {
    subscriptionId: string;
    resourceGroup: string;
    vnetName: string;
  }): Promise<VnetRead> {
    const read = await this.clients
      .network(vnet.subscriptionId)
      .virtualNetworks.get(vnet.resourceGroup, vnet.vnetName);
    const subnetPrefixes: string[] = [];
    for (const subnet of read.subnets ?? []) {
      // A subnet has addressPrefix or, with several ranges, addressPrefixes.
      if (subnet.addressPrefix) subnetPrefixes.push(subnet.addressPrefix);
      for (const prefix of subnet.addressPrefixes ?? []) {
        subnetPrefixes.push(prefix);
      }
    }
    return {
      addressSpace: read.addressSpace?.addressPrefixes ?? [],
      subnetPrefixes,
      ...(read.location ? { location: read.location } : {}),
    };
  }
}
