import type { ClusterLink } from '@aks-network/plugin-aks-network-common';
import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

const KIND_ORDER: ClusterLink['kind'][] = [
  'flow-log',
  'traffic-analytics',
  'container-network-logs',
  'acns-observability',
  'cluster',
];

/**
 * Where the cluster's traffic can be read: its flow logs in Network Watcher, the Log
 * Analytics workspaces of traffic analytics and container network logs, ACNS
 * observability, and the cluster in the portal.
 */
export function ClusterLinksList(props: {
  links: ClusterLink[];
  /** False when the inventory could not read the flow logs: their absence says nothing. */
  flowLogsRead?: boolean;
}) {
  const flowLogsRead = props.flowLogsRead ?? true;
  const links = [...props.links].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  const hasFlowLog = links.some(link => link.kind === 'flow-log');
  return (
    <div>
      {!hasFlowLog && (
        <Typography variant="body2" color="textSecondary">
          {flowLogsRead
            ? "No enabled flow log watches this cluster's network."
            : "The flow logs could not be read: whether one watches this cluster's network is not known."}
        </Typography>
      )}
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {links.map(link => (
          <li key={`${link.kind}:${link.url}`}>
            <Typography variant="body2" component="span">
              <Link to={link.url} data-link-kind={link.kind}>
                {link.title}
              </Link>
            </Typography>
          </li>
        ))}
      </ul>
    </div>
  );
}
