import {
  ACNS_USD_PER_NODE_HOUR,
  ApiCluster,
  ClusterPosture,
  SECURITY_CHECK_FINDING_IDS,
} from '@aks-network/plugin-aks-network-common';
import Typography from '@material-ui/core/Typography';
import { formatUsd } from './labels';

/** How the note names a model ACNS cannot run on. */
const NO_ACNS_WORDS: Record<string, string> = {
  kubenet: 'kubenet',
  'byo-cni': 'a CNI of its own',
  unknown: 'a cluster whose network model is unknown',
};

/**
 * What closing the same-node visibility gap costs: ACNS observability for the
 * cluster's nodes (docs/domain.md#acns: $0.025 per node per hour), or, where ACNS cannot run, that
 * the way is a new overlay cluster.
 */
export function AcnsCostNote(props: {
  cluster: ApiCluster;
  posture: ClusterPosture;
}) {
  const { cluster, posture } = props;
  const nodes = cluster.nodePools.reduce(
    (sum, pool) => sum + Math.max(0, pool.count),
    0,
  );
  const cost = formatUsd(posture.acnsMonthlyCostUsd);
  const sameNode = posture.findings.find(
    f => f.id === SECURITY_CHECK_FINDING_IDS.samePodToPodVisible,
  );
  const model = cluster.inventory.networkModel;
  let text: string;
  if (cluster.addons.acns.enabled && cluster.addons.acns.observability) {
    text = `ACNS observability is on: ${cost} a month for ${nodes} node${
      nodes === 1 ? '' : 's'
    }.`;
  } else if (posture.acnsMonthlyCostUsd === null) {
    text = `ACNS cannot run on ${
      NO_ACNS_WORDS[model ?? 'unknown']
    }, so it has no price here: the way is a new Azure CNI Overlay cluster.`;
  } else if (sameNode && sameNode.status !== 'pass') {
    text = `Closing the same-node gap: ACNS observability costs about ${cost} a month for ${nodes} node${
      nodes === 1 ? '' : 's'
    } ($${ACNS_USD_PER_NODE_HOUR} per node-hour, 730 h a month).`;
  } else {
    text = `ACNS observability would cost about ${cost} a month for ${nodes} node${
      nodes === 1 ? '' : 's'
    }.`;
  }
  return (
    <Typography variant="body2" data-testid="acns-cost">
      {text}
    </Typography>
  );
}
