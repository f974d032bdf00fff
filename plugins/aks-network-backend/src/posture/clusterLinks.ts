import type {
  ClusterLink,
  ClusterRecord,
} from '@aks-network/plugin-aks-network-common';
import { azurePortalResourceUrl } from '@aks-network/plugin-aks-network-node';

/**
 * Microsoft's guides to ACNS observability: the metrics in Azure Managed Prometheus and
 * Grafana, and Hubble's flow logs (CLI and UI). They hold for every cluster, so the
 * links go to them rather than to a Grafana instance the inventory does not know.
 */
const ACNS_METRICS_GUIDE =
  'https://learn.microsoft.com/azure/aks/container-network-observability-metrics';
const ACNS_FLOWS_GUIDE =
  'https://learn.microsoft.com/azure/aks/container-network-observability-guide';

function lastSegment(armId: string): string {
  return armId.replace(/\/+$/, '').split('/').pop() ?? armId;
}

/**
 * Where a person reads a cluster's traffic: the cluster in the portal, each enabled
 * flow log in Network Watcher (docs/domain.md#flow-logs-network-watcher: "flow logs from Network Watcher"), the Log
 * Analytics workspaces of traffic analytics and of container network logs, and ACNS
 * observability when it is on.
 */
export function clusterLinks(
  record: ClusterRecord,
  portalBaseUrl: string,
): ClusterLink[] {
  const portal = (id: string) => azurePortalResourceUrl(portalBaseUrl, id);
  const links: ClusterLink[] = [
    {
      kind: 'cluster',
      title: `${record.name} in the Azure portal`,
      url: portal(record.id),
      resourceId: record.id,
    },
  ];
  const workspaces = new Set<string>();
  for (const log of record.flowLogs.filter(flowLog => flowLog.enabled)) {
    links.push({
      kind: 'flow-log',
      title: `${log.kind === 'vnet' ? 'VNet' : 'NSG'} flow log ${lastSegment(
        log.id,
      )} on ${lastSegment(log.targetResourceId)} (Network Watcher)`,
      url: portal(log.id),
      resourceId: log.id,
    });
    if (
      log.trafficAnalyticsEnabled &&
      log.workspaceId &&
      !workspaces.has(log.workspaceId.toLowerCase())
    ) {
      workspaces.add(log.workspaceId.toLowerCase());
      links.push({
        kind: 'traffic-analytics',
        title: `Traffic analytics in Log Analytics workspace ${lastSegment(
          log.workspaceId,
        )}`,
        url: portal(log.workspaceId),
        resourceId: log.workspaceId,
      });
    }
  }
  const { omsagent, acns } = record.addons;
  if (
    omsagent.enabled &&
    omsagent.containerNetworkLogs &&
    omsagent.logAnalyticsWorkspaceId
  ) {
    links.push({
      kind: 'container-network-logs',
      title: `Container network logs in Log Analytics workspace ${lastSegment(
        omsagent.logAnalyticsWorkspaceId,
      )}`,
      url: portal(omsagent.logAnalyticsWorkspaceId),
      resourceId: omsagent.logAnalyticsWorkspaceId,
    });
  }
  if (acns.enabled && acns.observability) {
    links.push(
      {
        kind: 'acns-observability',
        title: 'ACNS metrics in Azure Managed Grafana (guide)',
        url: ACNS_METRICS_GUIDE,
      },
      {
        kind: 'acns-observability',
        title: 'Hubble flow logs of ACNS (guide)',
        url: ACNS_FLOWS_GUIDE,
      },
    );
  }
  return links;
}
