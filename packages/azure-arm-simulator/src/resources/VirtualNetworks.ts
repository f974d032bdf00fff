import { parseCidr } from '../ip/IpRange';
import {
  cloneJson,
  compact,
  isJsonObject,
  JsonObject,
  objectAt,
  objectsAt,
  stringAt,
  stringsAt,
} from '../json/JsonValue';
import { ArmError } from '../server/ArmError';
import { ArmRoute, route } from '../server/ArmRoute';
import { pageOf } from '../server/paging';
import { listRoutes } from './listRoutes';
import { SimulatorContext } from '../server/SimulatorContext';
import { guidFrom, idKey } from '../state/armIds';
import { ArmResourceJson } from '../state/SimulatorState';
import {
  beginPut,
  refuseIfInProgress,
  setProvisioningState,
} from './longRunning';
import { networkEtag, tagsOf, VNET_TYPE, vnetId } from './networkResources';
import { ensureNetworkWatcher } from './NetworkWatchers';
import {
  checkNameLength,
  invalidContent,
  requireLocation,
  requireResourceGroup,
} from './scopes';
import { buildSubnet, requireVnet, subnetsOf, subnetView } from './Subnets';
import { azureUsableAddresses } from './SubnetLimits';
import { subnetCidrs } from './SubnetValidation';
import { usedIps, usedIpsBySubnet } from './SubnetUsage';

/** What GET returns for a VNet: the stored VNet with its subnets embedded, as ARM does. */
export function vnetView(
  context: SimulatorContext,
  vnet: ArmResourceJson,
): JsonObject {
  const view = cloneJson(vnet);
  const properties = objectAt(view, 'properties') ?? {};
  properties.subnets = subnetsOf(context, vnet).map(subnetView);
  view.properties = properties;
  return view;
}

/**
 * One entry of `GET …/virtualNetworks/{vnet}/usages`: per subnet, IPs in use
 * (`currentValue`) and usable (`limit`, after the 5 Azure reserves in every subnet: a
 * /27 has 27 usable, a /24 251; see `AZURE_RESERVED_ADDRESSES_PER_SUBNET`).
 */
function subnetUsage(subnet: ArmResourceJson, used: number): JsonObject {
  const limit = subnetCidrs(subnet).reduce(
    (sum, cidr) => sum + Number(azureUsableAddresses(cidr)),
    0,
  );
  return {
    currentValue: used,
    id: subnet.id,
    limit,
    name: {
      localizedValue: 'Subnet size and usage',
      value: 'Subnet size and usage',
    },
    unit: 'Count',
  };
}

function putVnet(
  request: Parameters<ArmRoute['handle']>[0],
  context: SimulatorContext,
) {
  const [s, rg, name] = request.params;
  checkNameLength(name, 'virtual network');
  const group = requireResourceGroup(context, s, rg);
  if (!isJsonObject(request.body)) {
    throw invalidContent(
      'The request content was invalid and could not be deserialized.',
    );
  }
  const body = request.body;
  const id = vnetId(s, group.name, name);
  refuseIfInProgress(context, id, 'Microsoft.Network');
  const existing = context.state.get(id);
  const location = requireLocation(stringAt(body, 'location'));
  const properties = objectAt(body, 'properties') ?? {};
  const prefixes = stringsAt(
    objectAt(properties, 'addressSpace'),
    'addressPrefixes',
  );
  if (prefixes.length === 0) {
    throw new ArmError({
      statusCode: 400,
      code: 'InvalidAddressPrefix',
      message: `Virtual network ${id} must have at least one address prefix in addressSpace.addressPrefixes.`,
    });
  }
  const space = prefixes.map(text => {
    const parsed = parseCidr(text);
    if (!parsed.ok) {
      throw new ArmError({
        statusCode: 400,
        code: 'InvalidAddressPrefix',
        message: `Value provided: ${text}, is not a valid address prefix for virtual network ${id}: ${parsed.reason}.`,
      });
    }
    return parsed.cidr;
  });
  const shell: ArmResourceJson = {
    id,
    name: existing?.name ?? name,
    type: VNET_TYPE,
    location,
    etag: networkEtag(),
    tags: tagsOf(objectAt(body, 'tags')),
    properties: {},
  };
  // A VNet PUT states the whole set of subnets (ARM replaces it): subnets in the body
  // are validated against the new address space and each other; stored subnets left
  // out are deleted, unless IPs are in use there (`InUseSubnetCannotBeDeleted`).
  const requested = objectsAt(properties, 'subnets');
  const built: ArmResourceJson[] = [];
  for (const entry of requested) {
    const subnetName = stringAt(entry, 'name');
    if (!subnetName) {
      throw invalidContent('Every subnet in properties.subnets needs a name.');
    }
    built.push(
      buildSubnet(context, {
        subscriptionId: s,
        vnet: shell,
        name: subnetName,
        body: entry,
        siblings: built,
        vnetSpaceOverride: space,
      }),
    );
  }
  const keep = new Set(built.map(subnet => idKey(subnet.id)));
  const dropped = existing
    ? subnetsOf(context, existing).filter(subnet => !keep.has(idKey(subnet.id)))
    : [];
  for (const subnet of dropped) {
    if (usedIps(context.state, subnet.id) > 0) {
      throw new ArmError({
        statusCode: 400,
        code: 'InUseSubnetCannotBeDeleted',
        message: `Subnet ${subnet.name} is in use by ${subnet.id} and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet.`,
      });
    }
  }
  const {
    subnets: _ignoredSubnets,
    provisioningState: _ignoredState,
    ...sent
  } = properties;
  const vnet: ArmResourceJson = {
    ...shell,
    properties: compact({
      ...sent,
      addressSpace: { addressPrefixes: prefixes },
      resourceGuid:
        stringAt(objectAt(existing, 'properties'), 'resourceGuid') ??
        guidFrom(id.toLowerCase()),
      virtualNetworkPeerings: sent.virtualNetworkPeerings ?? [],
      enableDdosProtection: sent.enableDdosProtection ?? false,
      privateEndpointVNetPolicies:
        sent.privateEndpointVNetPolicies ?? 'Disabled',
    }),
  };
  for (const subnet of dropped) {
    context.state.delete(subnet.id);
  }
  ensureNetworkWatcher(context, s, location);
  context.state.put(vnet);
  for (const subnet of built) {
    setProvisioningState(subnet, 'Updating');
    context.state.put(subnet);
  }
  return beginPut(request, context, {
    namespace: 'Microsoft.Network',
    subscriptionId: s,
    location,
    resource: vnet,
    created: !existing,
    inProgressState: 'Updating',
    view: () => vnetView(context, vnet),
    onSucceeded: () =>
      built.forEach(subnet => setProvisioningState(subnet, 'Succeeded')),
  });
}

/** Virtual networks: list (subscription, resource group), get, PUT, usages. */
export const virtualNetworkRoutes: ArmRoute[] = [
  ...listRoutes({
    resourceType: VNET_TYPE,
    kinds: {
      subscription: 'virtualNetworks.listAll',
      resourceGroup: 'virtualNetworks.list',
    },
    view: vnetView,
  }),
  route(
    'GET',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}',
    'virtualNetworks.get',
    (request, context) => {
      const [s, rg, name] = request.params;
      return {
        status: 200,
        body: vnetView(context, requireVnet(context, s, rg, name)),
      };
    },
  ),
  route(
    'PUT',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}',
    'virtualNetworks.createOrUpdate',
    putVnet,
  ),
  route(
    'GET',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}/usages',
    'virtualNetworks.listUsage',
    (request, context) => {
      const [s, rg, name] = request.params;
      const vnet = requireVnet(context, s, rg, name);
      const subnets = subnetsOf(context, vnet);
      const used = usedIpsBySubnet(
        context.state,
        subnets.map(subnet => subnet.id),
      );
      return pageOf(
        request,
        subnets.map(subnet =>
          subnetUsage(subnet, used.get(idKey(subnet.id)) ?? 0),
        ),
        context.pageSize,
      );
    },
  ),
];
