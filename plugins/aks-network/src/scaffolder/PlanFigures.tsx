import type { PoolPlan } from '@aks-network/plugin-aks-network-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { formatCount, formatUsd } from '../components/network/labels';

function Figure(props: { label: string; testId: string; children: ReactNode }) {
  return (
    <Box mb={0.5} data-testid={props.testId}>
      <Typography variant="body2" component="div">
        <strong>{props.label}:</strong> {props.children}
      </Typography>
    </Box>
  );
}

function plural(count: number, word: string) {
  return `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The figures of a plan as the backend worked them out; the form computes none of them.
 * `maxPodsGiven` tells whether the form named maxPods, or the organisation's default
 * (which the backend applied, `cluster.maxPods`) is the one shown.
 */
export function PlanFigures(props: { plan: PoolPlan; maxPodsGiven: boolean }) {
  const { plan, maxPodsGiven } = props;
  const { cluster, nodeSubnet, pool } = plan;
  return (
    <Box data-testid="plan-figures">
      <Figure label="Node subnet" testId="plan-node-subnet">
        {nodeSubnet ? (
          <>
            {nodeSubnet.cidr}, a /{nodeSubnet.prefix} named {nodeSubnet.name}{' '}
            with {formatCount(nodeSubnet.usableIps)} usable IPs, from pool{' '}
            {pool.id} ({plan.vnet.name}, {pool.range}). The pool would hand it
            out now; the create step reserves its own, which may be another if a
            cluster takes this one first.
          </>
        ) : (
          <>
            none could be worked out in pool {pool.id}: the findings below say
            why.
          </>
        )}
      </Figure>
      {nodeSubnet ? (
        <Figure label="Nodes it holds" testId="plan-node-capacity">
          {plural(nodeSubnet.maxNodes, 'node')}, keeping room for{' '}
          {plural(plan.surgeNodes, 'upgrade surge node')} ({cluster.nodeCount}{' '}
          asked)
        </Figure>
      ) : null}
      <Figure label="Pod CIDR" testId="plan-pod-cidr">
        {plan.podCidr
          ? `${plan.podCidr.cidr}, serves ${plural(
              plan.podCidr.maxNodes,
              'node',
            )}`
          : 'none: this network model takes no pod CIDR'}
      </Figure>
      <Figure label="Pod capacity" testId="plan-pod-capacity">
        {plural(plan.podCapacity, 'pod')} ({plural(cluster.nodeCount, 'node')} ×{' '}
        {formatCount(cluster.maxPods)} max pods)
      </Figure>
      <Figure label="Max pods per node" testId="plan-max-pods">
        {formatCount(cluster.maxPods)}
        {maxPodsGiven
          ? ', as chosen'
          : ", the organisation's default (the form leaves it empty)"}
      </Figure>
      <Figure
        label="VNet IPs saved against flat Azure CNI"
        testId="plan-savings"
      >
        {formatCount(plan.vnetIpsSavedVsFlat)}
      </Figure>
      <Figure label="ACNS" testId="plan-acns">
        {cluster.acnsObservability
          ? `ACNS observability on: ${formatUsd(
              plan.acnsMonthlyCostUsd,
            )} a month`
          : `ACNS observability off: it would cost ${formatUsd(
              plan.acnsMonthlyCostUsd,
            )} a month`}{' '}
        for {plural(cluster.nodeCount, 'node')}
      </Figure>
    </Box>
  );
}
