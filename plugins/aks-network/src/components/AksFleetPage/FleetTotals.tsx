import {
  ACNS_USD_PER_NODE_HOUR,
  FleetSummary,
  HOURS_PER_MONTH,
  KUBENET_RETIREMENT_DATE,
  NETWORK_MODELS,
  NSG_FLOW_LOGS_RETIREMENT_DATE,
  POSTURE_CHECK_NAMES,
} from '@aks-network/plugin-aks-network-common';
import { InfoCard, StatusOK, StatusWarning } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import {
  formatCount,
  formatUsd,
  NETWORK_MODEL_LABELS,
} from '../network/labels';
import { PostureStatusLabel } from '../network/PostureStatusLabel';
import { SyncNotice } from '../network/SyncNotice';
import { FleetFigure } from './FleetFigure';
import { CHECK_LABELS, countOf } from './fleetWords';

/** A count that is a concern when above zero: a warning icon and words, or an all-clear. */
function Concern(props: { count: number; children: ReactNode }) {
  return props.count > 0 ? (
    <StatusWarning>{props.children}</StatusWarning>
  ) : (
    <StatusOK>{props.children}</StatusOK>
  );
}

function Card(props: { title: string; children: ReactNode }) {
  return (
    <Grid item xs={12} md={6} lg={3}>
      <InfoCard title={props.title} variant="gridItem">
        {props.children}
      </InfoCard>
    </Grid>
  );
}

/**
 * The totals over every cluster of the inventory, each a number written out with what
 * it counts: the network models, the VNet IPs overlay saves, the failing checks and
 * the cost of closing the same-node gap, the technology that retires, and how fresh
 * the inventory is.
 */
export function FleetTotals(props: { summary: FleetSummary }) {
  const { summary } = props;
  const gap = summary.closeSameNodeGap;
  return (
    <Grid container spacing={3} data-testid="aks-fleet-totals">
      <Card title="Network models">
        <FleetFigure name="Clusters" value={formatCount(summary.clusterCount)}>
          {summary.clusterCount === 1 ? 'cluster' : 'clusters'} in the inventory
        </FleetFigure>
        {NETWORK_MODELS.map(model => (
          <Typography
            key={model}
            variant="body2"
            role="group"
            aria-label={NETWORK_MODEL_LABELS[model]}
          >
            <strong>{formatCount(summary.byModel[model])}</strong>{' '}
            {NETWORK_MODEL_LABELS[model]}
          </Typography>
        ))}
        {summary.byModel.unknown > 0 && (
          <Typography
            variant="body2"
            role="group"
            aria-label="Network model unknown"
          >
            <strong>{formatCount(summary.byModel.unknown)}</strong> network
            model unknown (the ARM record matches none of the five)
          </Typography>
        )}
      </Card>
      <Card title="IP use">
        <FleetFigure
          name="VNet IPs saved by overlay"
          value={formatCount(summary.vnetIpsSavedByOverlay)}
        >
          VNet IPs the overlay clusters save against flat Azure CNI: an overlay
          node takes one node-subnet IP and its pods take a /24 of the pod CIDR,
          where flat Azure CNI takes 1 + maxPods VNet IPs per node.
        </FleetFigure>
      </Card>
      <Card title="Security posture">
        {POSTURE_CHECK_NAMES.map(check => (
          <Typography
            key={check}
            variant="body2"
            component="div"
            role="group"
            aria-label={`Failing: ${CHECK_LABELS[check].name}`}
          >
            <PostureStatusLabel
              status={summary.failing[check] > 0 ? 'fail' : 'pass'}
            >
              {CHECK_LABELS[check].name}:{' '}
              {summary.failing[check] > 0
                ? `${countOf(summary.failing[check], 'cluster')} failing`
                : 'no cluster failing'}
            </PostureStatusLabel>
            {summary.unknown[check] > 0 && (
              // Counted apart: these clusters are neither passing nor failing.
              <Typography
                variant="caption"
                component="div"
                color="textSecondary"
                style={{ marginLeft: 28 }}
              >
                <PostureStatusLabel status="unknown">
                  {countOf(summary.unknown[check], 'cluster')} unknown: what the
                  check needs could not be read
                </PostureStatusLabel>
              </Typography>
            )}
          </Typography>
        ))}
        <FleetFigure
          name="Closing the same-node gap with ACNS"
          value={formatUsd(gap.acnsMonthlyCostUsd)}
        >
          a month of ACNS observability would make same-node pod-to-pod traffic
          visible on the {countOf(gap.clusters, 'cluster')} that lack it and can
          run ACNS (${ACNS_USD_PER_NODE_HOUR} per node-hour, {HOURS_PER_MONTH} h
          a month).
        </FleetFigure>
        <FleetFigure
          name="Same-node gap without ACNS"
          value={formatCount(summary.sameNodeGapWithoutAcns)}
        >
          {summary.sameNodeGapWithoutAcns === 1
            ? 'cluster lacks'
            : 'clusters lack'}{' '}
          same-node visibility and cannot run ACNS (kubenet or a bring-your-own
          CNI): their way is a new overlay cluster.
        </FleetFigure>
      </Card>
      <Card title="Retiring technology and freshness">
        <Typography
          variant="body2"
          component="div"
          role="group"
          aria-label="On kubenet"
        >
          <Concern count={summary.retiring.kubenet}>
            {countOf(summary.retiring.kubenet, 'cluster')} on kubenet, which
            retires {KUBENET_RETIREMENT_DATE}
          </Concern>
        </Typography>
        <Typography
          variant="body2"
          component="div"
          role="group"
          aria-label="On NSG flow logs"
        >
          <Concern count={summary.retiring.nsgFlowLogs}>
            {countOf(summary.retiring.nsgFlowLogs, 'cluster')} relying on NSG
            flow logs, which retire {NSG_FLOW_LOGS_RETIREMENT_DATE}
          </Concern>
        </Typography>
        <Typography
          variant="body2"
          component="div"
          role="group"
          aria-label="Stale clusters"
        >
          <Concern count={summary.stale}>
            {summary.stale > 0
              ? `${countOf(
                  summary.stale,
                  'cluster',
                )} stale: the last read of their subscription failed, so they show their last good read`
              : 'No cluster is stale'}
          </Concern>
        </Typography>
        <SyncNotice lastSync={summary.lastSync} />
      </Card>
    </Grid>
  );
}
