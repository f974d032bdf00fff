import {
  ApiCluster,
  describeUnreadPart,
} from '@aks-network/plugin-aks-network-common';
import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { formatTime } from './labels';

/**
 * What the last read could not read of the cluster's network: the checks resting on it
 * say unknown, and this says why once for all of them.
 */
function PartialRead(props: { cluster: ApiCluster }) {
  const unread = props.cluster.unread ?? [];
  if (unread.length === 0) {
    return null;
  }
  return (
    <WarningPanel
      severity="info"
      title={`Read in part: ${unread.length} part${
        unread.length === 1 ? '' : 's'
      } of the network could not be read; the checks that need ${
        unread.length === 1 ? 'it' : 'them'
      } say unknown`}
      message={
        <ul style={{ margin: 0 }}>
          {unread.map(entry => (
            <li key={`${entry.part}:${entry.resourceId}`}>
              {describeUnreadPart(entry)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/**
 * How fresh the inventory's view of a cluster is: when it was last read, and, when the
 * last read of its subscription failed, that what is shown is the last good record.
 */
export function InventoryFreshness(props: { cluster: ApiCluster }) {
  const { inventory } = props.cluster;
  if (inventory.stale) {
    return (
      <>
        <WarningPanel
          severity="warning"
          title={`Stale: last read ${formatTime(
            inventory.lastSeenAt,
          )}; the reads since ${formatTime(inventory.stale.since)} failed`}
          message={`What is shown is the last good read. The inventory could not read the subscription: ${inventory.stale.error}`}
        />
        <PartialRead cluster={props.cluster} />
      </>
    );
  }
  return (
    <>
      <Typography variant="caption" color="textSecondary">
        Read from Azure {formatTime(inventory.lastSeenAt)}
      </Typography>
      <PartialRead cluster={props.cluster} />
    </>
  );
}
