import {
  DOMAIN_FACTS,
  NSG_FLOW_LOGS_LAST_CREATION_DATE,
  NSG_FLOW_LOGS_RETIREMENT_DATE,
} from '../facts';
import { armResourceName, sameArmId, vnetIdOfSubnet } from '../cluster';
import { PostureContext } from './PostureContext';
import { PostureFinding } from './PostureFinding';
import { unknownVerdict } from './UnknownVerdict';

/**
 * Egress/ingress monitored: every node subnet is watched by an enabled flow log. VNet
 * flow logs (on the subnet or its VNet) pass; NSG flow logs on the subnet's NSG warn,
 * because none can be created since 2025-06-30 and they stop on 2027-09-30 (docs/domain.md#nsg-flow-logs:
 * "NSG flow logs … retired 2027-09-30; VNet flow logs replace them"), and fail once
 * retired. With overlay the logs see node IPs only, which the detail says.
 *
 * A verdict needs data (DOMAIN_FACTS.verdictNeedsData): with the flow logs unread the
 * check is unknown; a node subnet that could not be read is watched when a VNet flow
 * log targets it or its VNet (both named by the pool's subnet id), unknown otherwise;
 * a subnet that was read and that no flow log watches fails whatever else is unread.
 */
export function trafficMonitoringCheck(
  context: PostureContext,
): PostureFinding {
  const { coverage, cluster, nsgFlowLogsRetired, model } = context;
  const base = {
    id: 'egress-ingress-monitored',
    fact: `${DOMAIN_FACTS.nsgFlowLogs} ${DOMAIN_FACTS.overlayVisibility}`,
  };
  const vnetRemediation = `Enable a VNet flow log (Network Watcher) on ${
    cluster.vnet ? 'the VNet' : 'the node subnet'
  } and send it to a storage account with retention, ideally with traffic analytics.`;
  const overlayNote =
    model === 'azure-cni-overlay'
      ? ' With overlay the logs show node IPs, not pod IPs (pod traffic is NATed to the node).'
      : '';

  const flowLogsUnread = context.unread('flowLogs');
  const unknown = (unread = flowLogsUnread) =>
    unknownVerdict(
      base,
      'Whether egress and ingress are monitored is unknown',
      unread,
    );
  if (flowLogsUnread.length > 0) {
    return unknown();
  }
  // Unread node subnets a VNet flow log still watches (it targets the id or the VNet).
  const unreadUnwatched = context.unreadNodeSubnets.filter(
    entry =>
      !cluster.flowLogs.some(
        log =>
          log.enabled &&
          log.kind === 'vnet' &&
          (sameArmId(log.targetResourceId, entry.resourceId) ||
            sameArmId(log.targetResourceId, vnetIdOfSubnet(entry.resourceId))),
      ),
  );

  if (coverage.length === 0 && context.unreadNodeSubnets.length === 0) {
    const vnetUnread = context.unread('vnet');
    if (context.vnetLevelFlowLogs.length === 0 && vnetUnread.length > 0) {
      return unknown(vnetUnread);
    }
    return context.vnetLevelFlowLogs.length > 0
      ? {
          ...base,
          status: 'pass',
          title: 'Egress and ingress are monitored',
          detail: `A VNet flow log watches ${cluster.vnet?.id}.${overlayNote}`,
          remediation: '',
        }
      : {
          ...base,
          status: 'fail',
          title: 'Egress and ingress are not monitored',
          detail:
            'No node subnet is known for this cluster and no VNet flow log watches its VNet.',
          remediation: vnetRemediation,
        };
  }

  const unwatched = coverage.filter(
    entry =>
      entry.vnetFlowLogs.length === 0 &&
      (entry.nsgFlowLogs.length === 0 || nsgFlowLogsRetired),
  );
  if (unwatched.length > 0) {
    const names = unwatched.map(entry => entry.subnet.name).join(', ');
    const retiredOnly = unwatched
      .filter(entry => entry.nsgFlowLogs.length > 0)
      .map(entry => entry.subnet.name);
    const retiredNote =
      retiredOnly.length > 0
        ? ` NSG flow logs on ${retiredOnly.join(
            ', ',
          )} retired on ${NSG_FLOW_LOGS_RETIREMENT_DATE}.`
        : '';
    return {
      ...base,
      status: 'fail',
      title: 'Egress and ingress are not monitored',
      detail: `No enabled flow log watches ${names}.${retiredNote}`,
      remediation: vnetRemediation,
      resourceId: unwatched[0].subnet.id,
    };
  }
  if (unreadUnwatched.length > 0) {
    return unknown(unreadUnwatched);
  }

  const nsgOnly = coverage.filter(entry => entry.vnetFlowLogs.length === 0);
  if (nsgOnly.length > 0) {
    return {
      ...base,
      status: 'warn',
      title: 'Egress and ingress are monitored by retiring NSG flow logs',
      detail:
        `${nsgOnly.map(entry => entry.subnet.name).join(', ')} ${
          nsgOnly.length === 1 ? 'is' : 'are'
        } watched only by NSG flow logs, which retire on ${NSG_FLOW_LOGS_RETIREMENT_DATE} ` +
        `(none can be created since ${NSG_FLOW_LOGS_LAST_CREATION_DATE}).${overlayNote}`,
      remediation: `${vnetRemediation} Then disable the NSG flow logs.`,
      resourceId: nsgOnly[0].subnet.nsg?.id,
    };
  }
  const redundant = coverage.filter(entry => entry.nsgFlowLogs.length > 0);
  const redundantNote =
    redundant.length > 0
      ? ` NSG flow logs on ${redundant
          .map(entry => entry.subnet.name)
          .join(
            ', ',
          )} are redundant and retire on ${NSG_FLOW_LOGS_RETIREMENT_DATE}.`
      : '';
  return {
    ...base,
    status: 'pass',
    title: 'Egress and ingress are monitored',
    detail: `VNet flow logs watch ${[
      ...coverage.map(entry => entry.subnet.name),
      ...context.unreadNodeSubnets.map(entry =>
        armResourceName(entry.resourceId),
      ),
    ].join(', ')}.${overlayNote}${redundantNote}`,
    remediation:
      redundant.length > 0 ? 'Disable the redundant NSG flow logs.' : '',
  };
}
