import { cloneJson, JsonObject, objectAt, stringAt } from '../json/JsonValue';
import { resourceNotFound } from '../server/ArmError';
import { ArmRoute, route } from '../server/ArmRoute';
import { listRoutes } from './listRoutes';
import { SimulatorContext } from '../server/SimulatorContext';
import { idKey } from '../state/armIds';
import { ArmResourceJson } from '../state/SimulatorState';
import {
  FLOW_LOG_TYPE,
  NSG_TYPE,
  nsgId,
  SUBNET_TYPE,
} from './networkResources';
import { requireResourceGroup } from './scopes';

/**
 * The six default rules every NSG has (Azure's `defaultSecurityRules`): allow VNet and
 * load balancer inbound, deny the rest; allow VNet and Internet outbound, deny the rest.
 */
export function defaultSecurityRules(nsgResourceId: string): JsonObject[] {
  const rule = (
    name: string,
    direction: 'Inbound' | 'Outbound',
    access: 'Allow' | 'Deny',
    priority: number,
    source: string,
    destination: string,
    description: string,
  ): JsonObject => ({
    id: `${nsgResourceId}/defaultSecurityRules/${name}`,
    name,
    type: 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules',
    properties: {
      description,
      protocol: '*',
      sourcePortRange: '*',
      destinationPortRange: '*',
      sourceAddressPrefix: source,
      destinationAddressPrefix: destination,
      access,
      priority,
      direction,
      sourcePortRanges: [],
      destinationPortRanges: [],
      sourceAddressPrefixes: [],
      destinationAddressPrefixes: [],
      provisioningState: 'Succeeded',
    },
  });
  return [
    rule(
      'AllowVnetInBound',
      'Inbound',
      'Allow',
      65000,
      'VirtualNetwork',
      'VirtualNetwork',
      'Allow inbound traffic from all VMs in VNET',
    ),
    rule(
      'AllowAzureLoadBalancerInBound',
      'Inbound',
      'Allow',
      65001,
      'AzureLoadBalancer',
      '*',
      'Allow inbound traffic from azure load balancer',
    ),
    rule(
      'DenyAllInBound',
      'Inbound',
      'Deny',
      65500,
      '*',
      '*',
      'Deny all inbound traffic',
    ),
    rule(
      'AllowVnetOutBound',
      'Outbound',
      'Allow',
      65000,
      'VirtualNetwork',
      'VirtualNetwork',
      'Allow outbound traffic from all VMs to all VMs in VNET',
    ),
    rule(
      'AllowInternetOutBound',
      'Outbound',
      'Allow',
      65001,
      '*',
      'Internet',
      'Allow outbound traffic from all VMs to Internet',
    ),
    rule(
      'DenyAllOutBound',
      'Outbound',
      'Deny',
      65500,
      '*',
      '*',
      'Deny all outbound traffic',
    ),
  ];
}

/**
 * What GET returns for an NSG: the stored rules plus the references ARM computes — the
 * subnets that use it and the (NSG) flow logs that target it.
 */
export function nsgView(
  context: SimulatorContext,
  nsg: ArmResourceJson,
): JsonObject {
  const view = cloneJson(nsg);
  const properties = objectAt(view, 'properties') ?? {};
  const key = idKey(nsg.id);
  const subnets = context.state
    .list(SUBNET_TYPE, '')
    .filter(
      subnet =>
        idKey(
          stringAt(
            objectAt(objectAt(subnet, 'properties'), 'networkSecurityGroup'),
            'id',
          ) ?? '',
        ) === key,
    )
    .map(subnet => ({ id: subnet.id }));
  const flowLogs = context.state
    .list(FLOW_LOG_TYPE, '')
    .filter(
      flowLog =>
        idKey(
          stringAt(objectAt(flowLog, 'properties'), 'targetResourceId') ?? '',
        ) === key,
    )
    .map(flowLog => ({ id: flowLog.id }));
  properties.subnets = subnets;
  if (flowLogs.length > 0) {
    properties.flowLogs = flowLogs;
  }
  view.properties = properties;
  return view;
}

/** Network security groups: list (subscription, resource group) and get. */
export const networkSecurityGroupRoutes: ArmRoute[] = [
  ...listRoutes({
    resourceType: NSG_TYPE,
    kinds: {
      subscription: 'networkSecurityGroups.listAll',
      resourceGroup: 'networkSecurityGroups.list',
    },
    view: nsgView,
  }),
  route(
    'GET',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/networkSecurityGroups/{networkSecurityGroupName}',
    'networkSecurityGroups.get',
    (request, context) => {
      const [s, rg, name] = request.params;
      const group = requireResourceGroup(context, s, rg);
      const nsg = context.state.get(nsgId(s, group.name, name));
      if (!nsg) {
        throw resourceNotFound(
          'Microsoft.Network/networkSecurityGroups',
          name,
          rg,
        );
      }
      return { status: 200, body: nsgView(context, nsg) };
    },
  ),
];
