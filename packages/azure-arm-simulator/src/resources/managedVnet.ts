import { SimulatorContext } from '../server/SimulatorContext';
import { guidFrom } from '../state/armIds';
import {
  networkEtag,
  SUBNET_TYPE,
  VNET_TYPE,
  vnetId,
} from './networkResources';

/**
 * A cluster created without `vnetSubnetID` gets a VNet that AKS manages in the node
 * resource group: `aks-vnet-<8 digits>` with 10.224.0.0/12 and subnet `aks-subnet`
 * 10.224.0.0/16 (a range chosen by AKS to clear the default pod and service CIDRs).
 * The pools' `vnetSubnetID` stays unset, as AKS reports it.
 */
export function createManagedVnet(
  context: SimulatorContext,
  subscriptionId: string,
  nodeResourceGroup: string,
  location: string,
  clusterId: string,
): void {
  const digits = String(
    parseInt(guidFrom(clusterId.toLowerCase()).slice(0, 8), 16) % 100_000_000,
  ).padStart(8, '0');
  const name = `aks-vnet-${digits}`;
  const id = vnetId(subscriptionId, nodeResourceGroup, name);
  context.state.put({
    id,
    name,
    type: VNET_TYPE,
    location,
    etag: networkEtag(),
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: guidFrom(id.toLowerCase()),
      addressSpace: { addressPrefixes: ['10.224.0.0/12'] },
      virtualNetworkPeerings: [],
      enableDdosProtection: false,
    },
  });
  context.state.put({
    id: `${id}/subnets/aks-subnet`,
    name: 'aks-subnet',
    type: SUBNET_TYPE,
    etag: networkEtag(),
    properties: {
      provisioningState: 'Succeeded',
      addressPrefix: '10.224.0.0/16',
      delegations: [],
      privateEndpointNetworkPolicies: 'Disabled',
      privateLinkServiceNetworkPolicies: 'Enabled',
    },
  });
}
