import {
  cloneJson,
  compact,
  isJsonObject,
  JsonObject,
  objectAt,
  stringAt,
} from '../json/JsonValue';
import {
  ArmError,
  childResourceNotFound,
  resourceNotFound,
} from '../server/ArmError';
import { ArmRoute, route } from '../server/ArmRoute';
import { pageOf } from '../server/paging';
import { SimulatorContext } from '../server/SimulatorContext';
import { idKey } from '../state/armIds';
import { ArmResourceJson } from '../state/SimulatorState';
import { beginDelete, beginPut, refuseIfInProgress } from './longRunning';
import {
  networkEtag,
  NSG_TYPE,
  SUBNET_TYPE,
  subnetId,
  vnetId,
} from './networkResources';
import {
  checkNameLength,
  invalidContent,
  requireResourceGroup,
} from './scopes';
import {
  checkSubnetPrefix,
  subnetCidrs,
  subnetPrefixTexts,
  vnetCidrs,
} from './SubnetValidation';
import { usedIps } from './SubnetUsage';

/** The stored VNet, or 404 `ResourceNotFound` in ARM's words. */
export function requireVnet(
  context: SimulatorContext,
  subscriptionId: string,
  rg: string,
  vnetName: string,
): ArmResourceJson {
  const group = requireResourceGroup(context, subscriptionId, rg);
  const vnet = context.state.get(vnetId(subscriptionId, group.name, vnetName));
  if (!vnet) {
    throw resourceNotFound('Microsoft.Network/virtualNetworks', vnetName, rg);
  }
  return vnet;
}

/** Subnets of a VNet, in creation order. */
export function subnetsOf(
  context: SimulatorContext,
  vnet: ArmResourceJson,
): ArmResourceJson[] {
  return context.state.list(SUBNET_TYPE, vnet.id);
}

/** What GET returns for a subnet: the stored REST shape. */
export function subnetView(subnet: ArmResourceJson): JsonObject {
  return cloneJson(subnet);
}

/**
 * Builds a subnet from a PUT body after the checks the Network provider makes: the
 * name, the prefix (inside the VNet, no overlap with its other subnets, /29 or larger),
 * a referenced NSG that exists, and no prefix change while IPs are in use.
 */
export function buildSubnet(
  context: SimulatorContext,
  options: {
    subscriptionId: string;
    vnet: ArmResourceJson;
    name: string;
    body: JsonObject;
    siblings: ArmResourceJson[];
    vnetSpaceOverride?: ReturnType<typeof vnetCidrs>;
  },
): ArmResourceJson {
  const { vnet, name, body } = options;
  checkNameLength(name, 'subnet');
  const id = `${vnet.id}/subnets/${name}`;
  const existing = context.state.get(id);
  const properties = objectAt(body, 'properties') ?? {};
  const prefixTexts = subnetPrefixTexts(body);
  if (prefixTexts.length === 0) {
    throw new ArmError({
      statusCode: 400,
      code: 'NetcfgInvalidSubnet',
      message: `Subnet '${name}' is not valid in virtual network '${vnet.name}': properties.addressPrefix is required.`,
    });
  }
  const siblings = options.siblings
    .filter(s => idKey(s.id) !== idKey(id))
    .map(s => ({ name: s.name, cidrs: subnetCidrs(s) }));
  prefixTexts.forEach(prefixText =>
    checkSubnetPrefix({
      subnetName: name,
      subnetId: id,
      vnetName: vnet.name,
      prefixText,
      vnetSpace: options.vnetSpaceOverride ?? vnetCidrs(vnet),
      siblings,
    }),
  );
  if (existing) {
    const before = subnetPrefixTexts(existing).join(',');
    if (before !== prefixTexts.join(',') && usedIps(context.state, id) > 0) {
      throw new ArmError({
        statusCode: 400,
        code: 'InUseSubnetCannotBeUpdated',
        message: `Subnet ${name} is in use and cannot be updated: its address prefix ${before} has IP configurations allocated.`,
      });
    }
  }
  const nsgRef = stringAt(objectAt(properties, 'networkSecurityGroup'), 'id');
  let networkSecurityGroup: JsonObject | undefined;
  if (nsgRef) {
    const nsg = context.state.get(nsgRef);
    if (!nsg || nsg.type.toLowerCase() !== NSG_TYPE.toLowerCase()) {
      throw new ArmError({
        statusCode: 400,
        code: 'InvalidResourceReference',
        message: `Resource ${nsgRef} referenced by resource ${id} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`,
      });
    }
    networkSecurityGroup = { id: nsg.id };
  }
  const {
    provisioningState: _ignoredState,
    ipConfigurations: _ignoredIpConfigurations,
    ...sent
  } = properties;
  const single = stringAt(properties, 'addressPrefix') !== undefined;
  return {
    id,
    name: existing?.name ?? name,
    type: SUBNET_TYPE,
    etag: networkEtag(),
    properties: compact({
      ...sent,
      // ARM returns the prefix the way it was sent: addressPrefix or addressPrefixes.
      addressPrefix: single ? prefixTexts[0] : undefined,
      addressPrefixes: single ? undefined : prefixTexts,
      networkSecurityGroup,
      delegations: sent.delegations ?? [],
      privateEndpointNetworkPolicies:
        sent.privateEndpointNetworkPolicies ?? 'Disabled',
      privateLinkServiceNetworkPolicies:
        sent.privateLinkServiceNetworkPolicies ?? 'Enabled',
      provisioningState: 'Succeeded',
    }),
  };
}

/** Subnets: list (paged), get, and PUT and DELETE as long-running operations. */
export const subnetRoutes: ArmRoute[] = [
  route(
    'GET',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets',
    'subnets.list',
    (request, context) => {
      const [s, rg, vnetName] = request.params;
      const vnet = requireVnet(context, s, rg, vnetName);
      return pageOf(
        request,
        subnetsOf(context, vnet).map(subnetView),
        context.pageSize,
      );
    },
  ),
  route(
    'GET',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}',
    'subnets.get',
    (request, context) => {
      const [s, rg, vnetName, name] = request.params;
      const vnet = requireVnet(context, s, rg, vnetName);
      const subnet = context.state.get(`${vnet.id}/subnets/${name}`);
      if (!subnet) {
        throw childResourceNotFound(subnetId(s, rg, vnetName, name));
      }
      return { status: 200, body: subnetView(subnet) };
    },
  ),
  route(
    'PUT',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}',
    'subnets.createOrUpdate',
    (request, context) => {
      const [s, rg, vnetName, name] = request.params;
      checkNameLength(vnetName, 'virtual network');
      checkNameLength(name, 'subnet');
      const vnet = requireVnet(context, s, rg, vnetName);
      if (!isJsonObject(request.body)) {
        throw invalidContent(
          'The request content was invalid and could not be deserialized.',
        );
      }
      const id = `${vnet.id}/subnets/${name}`;
      refuseIfInProgress(context, id, 'Microsoft.Network');
      refuseIfInProgress(context, vnet.id, 'Microsoft.Network');
      const existing = context.state.get(id);
      const subnet = buildSubnet(context, {
        subscriptionId: s,
        vnet,
        name,
        body: request.body,
        siblings: subnetsOf(context, vnet),
      });
      context.state.put(subnet);
      return beginPut(request, context, {
        namespace: 'Microsoft.Network',
        subscriptionId: s,
        location: stringAt(vnet, 'location') ?? 'westeurope',
        resource: subnet,
        created: !existing,
        // The Network provider reports `Updating` for creates and updates alike.
        inProgressState: 'Updating',
        view: () => subnetView(subnet),
      });
    },
  ),
  route(
    'DELETE',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}',
    'subnets.delete',
    (request, context) => {
      const [s, rg, vnetName, name] = request.params;
      const vnet = requireVnet(context, s, rg, vnetName);
      const id = `${vnet.id}/subnets/${name}`;
      const subnet = context.state.get(id);
      if (!subnet) {
        // ARM answers a DELETE of something absent with 204 (REST API: Subnets -
        // Delete, https://learn.microsoft.com/rest/api/virtualnetwork/subnets/delete).
        return { status: 204 };
      }
      refuseIfInProgress(context, id, 'Microsoft.Network');
      refuseIfInProgress(context, vnet.id, 'Microsoft.Network');
      // A subnet holding IP configurations (here: the nodes of a cluster not Failed,
      // and the seed's other NICs) cannot go; Azure names what is in it
      // (https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet#delete-a-subnet).
      if (usedIps(context.state, id) > 0) {
        throw new ArmError({
          statusCode: 400,
          code: 'InUseSubnetCannotBeDeleted',
          message: `Subnet ${subnet.name} is in use by ${id} and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet. See aka.ms/deletesubnet.`,
        });
      }
      return beginDelete(request, context, {
        namespace: 'Microsoft.Network',
        subscriptionId: s,
        location: stringAt(vnet, 'location') ?? 'westeurope',
        resource: subnet,
        remove: () => context.state.delete(id),
      });
    },
  ),
];
