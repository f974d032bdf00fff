import type { ArmClients } from '@aks-network/plugin-aks-network-node';

/**
 * Where the address ranges already used in a pool's VNet come from: the store never
 * calls Azure, so the route that reserves a subnet reads them first and passes them in.
 *
 * @public
 */
export interface VnetSubnetSource {
  listSubnetPrefixes(vnet: {
    subscriptionId: string;
    resourceGroup: string;
    vnetName: string;
  }): Promise<string[]>;
  /**
   * The VNet's address space, so a plan can check the pod and service CIDRs against
   * it (DESIGN: they must not overlap the VNet). Optional: without it plans skip that
   * check.
   */
  readAddressSpace?(vnet: {
    subscriptionId: string;
    resourceGroup: string;
    vnetName: string;
  }): Promise<string[]>;
}

/**
 * Reads a VNet's subnets through the ARM clients (one paged list call per reservation).
 *
 * @public
 */
export class ArmVnetSubnetSource implements VnetSubnetSource {
  constructor(private readonly clients: Pick<ArmClients, 'network'>) {}

  async listSubnetPrefixes(vnet: {
    subscriptionId: string;
    resourceGroup: string;
    vnetName: string;
  }): Promise<string[]> {
    const prefixes: string[] = [];
    const subnets = this.clients
      .network(vnet.subscriptionId)
      .subnets.list(vnet.resourceGroup, vnet.vnetName);
    for await (const subnet of subnets) {
      // A subnet has addressPrefix or, with several ranges, addressPrefixes.
      if (subnet.addressPrefix) prefixes.push(subnet.addressPrefix);
      for (const prefix of subnet.addressPrefixes ?? []) prefixes.push(prefix);
    }
    return prefixes;
  }

  async readAddressSpace(vnet: {
    subscriptionId: string;
    resourceGroup: string;
    vnetName: string;
  }): Promise<string[]> {
    const read = await this.clients
      .network(vnet.subscriptionId)
      .virtualNetworks.get(vnet.resourceGroup, vnet.vnetName);
    return read.addressSpace?.addressPrefixes ?? [];
  }
}
