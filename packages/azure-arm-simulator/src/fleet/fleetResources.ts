import { defaultSecurityRules } from '../resources/NetworkSecurityGroups';
import {
  FLOW_LOG_TYPE,
  networkEtag,
  NSG_TYPE,
  nsgId,
} from '../resources/networkResources';
import { guidFrom } from '../state/armIds';
import { FleetFlowLog, FleetNetworkSecurityGroup } from './SimulatorFleet';

/** The resource a flow log is stored as, a child of its region's Network Watcher. */
export function flowLogResource(options: {
  watcherId: string;
  subscriptionId: string;
  region: string;
  resourceGroup: string;
  targetId: string;
  targetName: string;
  flowLog: FleetFlowLog;
}) {
  const { watcherId, region, targetId, flowLog } = options;
  const s = options.subscriptionId;
  const rg = options.resourceGroup;
  const name = flowLog.name ?? `fl-${options.targetName}`;
  const storage = flowLog.storageAccount ?? `stflowlogs${region}`;
  return {
    id: `${watcherId}/flowLogs/${name}`,
    name,
    type: FLOW_LOG_TYPE,
    location: region,
    etag: networkEtag(),
    tags: {},
    properties: {
      targetResourceId: targetId,
      targetResourceGuid: guidFrom(targetId.toLowerCase()),
      storageId: storage.startsWith('/')
        ? storage
        : `/subscriptions/${s}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${storage}`,
      enabled: flowLog.enabled ?? true,
      retentionPolicy: {
        days: flowLog.retentionDays ?? 30,
        enabled: (flowLog.retentionDays ?? 30) > 0,
      },
      format: { type: 'JSON', version: 2 },
      flowAnalyticsConfiguration: flowLog.trafficAnalyticsWorkspace
        ? {
            networkWatcherFlowAnalyticsConfiguration: {
              enabled: true,
              workspaceId: guidFrom(
                flowLog.trafficAnalyticsWorkspace.toLowerCase(),
              ),
              workspaceRegion: region,
              workspaceResourceId: flowLog.trafficAnalyticsWorkspace,
              trafficAnalyticsInterval:
                flowLog.trafficAnalyticsIntervalMinutes ?? 60,
            },
          }
        : undefined,
      provisioningState: 'Succeeded',
    },
  };
}

/** The resource an NSG of the fleet is stored as, with its rules and Azure's default rules. */
export function nsgResource(s: string, nsg: FleetNetworkSecurityGroup) {
  const id = nsgId(s, nsg.resourceGroup, nsg.name);
  const list = (value: string | string[] | undefined): string[] => {
    if (value === undefined) {
      return ['*'];
    }
    return Array.isArray(value) ? value : [value];
  };
  return {
    id,
    name: nsg.name,
    type: NSG_TYPE,
    location: nsg.region,
    etag: networkEtag(),
    tags: nsg.tags ?? {},
    properties: {
      resourceGuid: guidFrom(id.toLowerCase()),
      provisioningState: 'Succeeded',
      securityRules: (nsg.rules ?? []).map(rule => {
        const sources = list(rule.source);
        const destinations = list(rule.destination);
        const ports = list(rule.destinationPorts);
        // ARM uses the singular field for one value and the plural list for several.
        return {
          id: `${id}/securityRules/${rule.name}`,
          name: rule.name,
          type: 'Microsoft.Network/networkSecurityGroups/securityRules',
          etag: networkEtag(),
          properties: {
            description: rule.description,
            protocol: rule.protocol ?? '*',
            sourcePortRange: '*',
            sourcePortRanges: [],
            ...(sources.length === 1
              ? { sourceAddressPrefix: sources[0], sourceAddressPrefixes: [] }
              : { sourceAddressPrefixes: sources }),
            ...(destinations.length === 1
              ? {
                  destinationAddressPrefix: destinations[0],
                  destinationAddressPrefixes: [],
                }
              : { destinationAddressPrefixes: destinations }),
            ...(ports.length === 1
              ? { destinationPortRange: ports[0], destinationPortRanges: [] }
              : { destinationPortRanges: ports }),
            access: rule.access,
            priority: rule.priority,
            direction: rule.direction,
            provisioningState: 'Succeeded',
          },
        };
      }),
      defaultSecurityRules: defaultSecurityRules(id),
    },
  };
}
