import {
  DESIGN_FACTS,
  NSG_FLOW_LOGS_LAST_CREATION_DATE,
  NSG_FLOW_LOGS_RETIREMENT_DATE,
} from '../facts';
import { PostureContext } from './PostureContext';
import { PostureFinding } from './PostureFinding';

/**
 * Egress/ingress monitored: every node subnet is watched by an enabled flow log. VNet
 * flow logs (on the subnet or its VNet) pass; NSG flow logs on the subnet's NSG warn,
 * because none can be created since 2025-06-30 and they stop on 2027-09-30 (DESIGN:
 * "NSG flow logs … retired 2027-09-30; VNet flow logs replace them"), and fail once
 * retired. With overlay the logs see node IPs only, which the detail says.
 */
export function trafficMonitoringCheck(
  context: PostureContext,
): PostureFinding {
  const { coverage, cluster, nsgFlowLogsRetired, model } = context;
  const base = {
    id: 'egress-ingress-monitored',
    fact: `${DESIGN_FACTS.nsgFlowLogs} ${DESIGN_FACTS.overlayVisibility}`,
  };
  const vnetRemediation = `Enable a VNet flow log (Network Watcher) on ${
    cluster.vnet ? 'the VNet' : 'the node subnet'
  } and send it to a storage account with retention, ideally with traffic analytics.`;
  const overlayNote =
    model === 'azure-cni-overlay'
      ? ' With overlay the logs show node IPs, not pod IPs (pod traffic is NATed to the node).'
      : '';

  if (coverage.length === 0) {
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
    detail: `VNet flow logs watch ${coverage
      .map(entry => entry.subnet.name)
      .join(', ')}.${overlayNote}${redundantNote}`,
    remediation:
      redundant.length > 0 ? 'Disable the redundant NSG flow logs.' : '',
  };
}
