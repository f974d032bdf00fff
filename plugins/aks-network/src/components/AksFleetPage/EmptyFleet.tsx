import type {
  ApiSubscription,
  LastSync,
} from '@aks-network/plugin-aks-network-common';
import { EmptyState } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { formatTime } from '../network/labels';

function lastRun(lastSync: LastSync | null): string {
  if (!lastSync) {
    return 'It has not finished a run yet.';
  }
  const outcome = lastSync.complete
    ? 'every subscription was read in full'
    : `${lastSync.status}: some subscriptions were not read in full`;
  return `It last ran ${formatTime(lastSync.finishedAt)} (${outcome}).`;
}

/**
 * No cluster in the inventory yet: where the clusters come from, when the sync last
 * ran, and the subscriptions it could not read, which are the usual reason.
 */
export function EmptyFleet(props: {
  lastSync: LastSync | null;
  subscriptions?: ApiSubscription[];
}) {
  const failed = (props.subscriptions ?? []).filter(
    item => item.status !== 'succeeded' && item.error,
  );
  return (
    <EmptyState
      missing="data"
      title="No cluster in the inventory yet"
      description={
        <>
          <Typography variant="body1" component="span" display="block">
            The sync reads the AKS clusters of the subscriptions configured
            under aksNetwork.azure (every subscription its credential can see
            when none is listed). {lastRun(props.lastSync)}
          </Typography>
          {failed.map(item => (
            <Typography
              key={item.subscriptionId}
              variant="body2"
              component="span"
              display="block"
            >
              {item.displayName ?? item.subscriptionId} could not be read:{' '}
              {item.error}
            </Typography>
          ))}
        </>
      }
    />
  );
}
