import type { LastSync } from '@aks-network/plugin-aks-network-common';
import Typography from '@material-ui/core/Typography';
import { formatTime } from './labels';

/** When the inventory last read Azure, and whether every subscription was read. */
export function SyncNotice(props: { lastSync: LastSync | null }) {
  const { lastSync } = props;
  if (!lastSync) {
    return (
      <Typography variant="caption" color="textSecondary">
        The inventory has not finished a sync yet.
      </Typography>
    );
  }
  return (
    <Typography variant="caption" color="textSecondary">
      Inventory synced {formatTime(lastSync.finishedAt)}
      {lastSync.complete
        ? ''
        : ` (${lastSync.status}: some subscriptions were not read in full)`}
    </Typography>
  );
}
