import { FlowLogRecord, sameArmId } from '../cluster';
import { DOMAIN_FACTS, NSG_FLOW_LOGS_RETIREMENT_DATE } from '../facts';
import { PostureContext } from './PostureContext';
import { PostureFinding } from './PostureFinding';
import { unknownVerdict } from './UnknownVerdict';

/** A flow log keeps history when its storage keeps records or traffic analytics stores them. */
function keepsHistory(log: FlowLogRecord): boolean {
  return (
    log.retentionDays > 0 ||
    (log.trafficAnalyticsEnabled === true && !!log.workspaceId)
  );
}

function describeLog(log: FlowLogRecord): string {
  const kept = [
    log.retentionDays > 0 ? `${log.retentionDays} days in storage` : undefined,
    log.trafficAnalyticsEnabled && log.workspaceId
      ? 'traffic analytics'
      : undefined,
  ].filter(Boolean);
  return `${log.kind.toUpperCase()} flow log ${log.id
    .split('/')
    .pop()} (${kept.join(', ')})`;
}

/**
 * A history of communications is kept: a flow log watching the cluster keeps its records
 * (retention > 0 days, or traffic analytics in Log Analytics), or ACNS container network
 * logs are stored (docs/domain.md#container-network-logs: "stored flow logs: addonProfiles.omsagent.config.
 * enableContainerNetworkLogs"; with overlay "there is no flow history without extra
 * work"). Container network logs need ACNS observability and the monitoring addon to
 * record anything. History kept only by NSG flow logs warns: they retire 2027-09-30.
 *
 * Short of a pass, the check is unknown when a flow log could have been missed
 * (DOMAIN_FACTS.verdictNeedsData): the flow logs were not read, a node subnet (and so
 * its NSG) was not read, or the cluster's VNet was not read and no subnet is known.
 */
export function communicationHistoryCheck(
  context: PostureContext,
): PostureFinding {
  const { acns, omsagent } = context.cluster.addons;
  const base = {
    id: 'communication-history-kept',
    fact: `${DOMAIN_FACTS.containerNetworkLogs} ${DOMAIN_FACTS.overlayVisibility}`,
  };
  const containerLogsActive =
    omsagent.enabled &&
    omsagent.containerNetworkLogs &&
    acns.enabled &&
    acns.observability;

  const logs = new Map<string, FlowLogRecord>();
  const watching = [
    ...context.coverage.flatMap(entry => [
      ...entry.vnetFlowLogs,
      ...(context.nsgFlowLogsRetired ? [] : entry.nsgFlowLogs),
    ]),
    ...context.vnetLevelFlowLogs,
    // VNet flow logs on node subnets that could not be read: their ids are known.
    ...context.cluster.flowLogs.filter(
      log =>
        log.enabled &&
        log.kind === 'vnet' &&
        context.unreadNodeSubnets.some(entry =>
          sameArmId(entry.resourceId, log.targetResourceId),
        ),
    ),
  ];
  for (const log of watching) {
    logs.set(log.id.toLowerCase(), log);
  }
  const keeping = [...logs.values()].filter(keepsHistory);
  const durable = keeping.filter(log => log.kind === 'vnet');

  if (containerLogsActive || durable.length > 0) {
    const how = [
      ...(containerLogsActive
        ? ['ACNS container network logs are stored in Log Analytics']
        : []),
      ...durable.map(describeLog),
    ];
    return {
      ...base,
      status: 'pass',
      title: 'A history of communications is kept',
      detail: `${how.join('; ')}.`,
      remediation: '',
    };
  }
  if (keeping.length > 0) {
    return {
      ...base,
      status: 'warn',
      title: 'History is kept only by retiring NSG flow logs',
      detail: `${keeping
        .map(describeLog)
        .join(
          '; ',
        )}; NSG flow logs retire on ${NSG_FLOW_LOGS_RETIREMENT_DATE}.`,
      remediation:
        'Replace them with a VNet flow log with retention, or store ACNS container network logs.',
    };
  }

  const unread = [
    ...context.unread('flowLogs'),
    ...context.unreadNodeSubnets,
    ...(context.coverage.length === 0 ? context.unread('vnet') : []),
  ];
  if (unread.length > 0) {
    return unknownVerdict(
      base,
      'Whether a history of communications is kept is unknown',
      unread,
    );
  }

  const why: string[] = [];
  if (logs.size > 0) {
    why.push(
      'the flow logs that watch the cluster keep no records (retention 0 days, no traffic analytics)',
    );
  } else {
    why.push('no enabled flow log watches the cluster');
  }
  if (omsagent.containerNetworkLogs && !containerLogsActive) {
    why.push(
      `container network logs are configured but ${
        !omsagent.enabled
          ? 'the monitoring addon is off'
          : 'ACNS observability is off'
      }, so nothing is recorded`,
    );
  }
  return {
    ...base,
    status: 'fail',
    title: 'No history of communications is kept',
    detail: `${why.join('; ')}.`.replace(/^./, first => first.toUpperCase()),
    remediation:
      'Set a retention period (or traffic analytics) on a VNet flow log, or turn on ACNS observability with container network logs (addonProfiles.omsagent.config.enableContainerNetworkLogs).',
  };
}
