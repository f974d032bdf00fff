import type { ApiCluster } from '@aks-network/plugin-aks-network-common';
import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { formatTime } from './labels';

/**
 * How fresh the inventory's view of a cluster is: when it was last read, and, when the
 * last read of its subscription failed, that what is shown is the last good record.
 */
export function InventoryFreshness(props: { cluster: ApiCluster }) {
  const { inventory } = props.cluster;
  if (inventory.stale) {
    return (
      <WarningPanel
        severity="warning"
        title={`Stale: last read ${formatTime(
          inventory.lastSeenAt,
        )}; the reads since ${formatTime(inventory.stale.since)} failed`}
        message={`What is shown is the last good read. The inventory could not read the subscription: ${inventory.stale.error}`}
      />
    );
  }
  return (
    <Typography variant="caption" color="textSecondary">
      Read from Azure {formatTime(inventory.lastSeenAt)}
    </Typography>
  );
}
