import { Content, Header, Page, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aksNetworkApiRef } from '../../api/aksNetworkApiRef';
import { LoadFailure } from '../network/LoadFailure';
import { AddressPoolsCard } from './AddressPoolsCard';
import { EmptyFleet } from './EmptyFleet';
import { FleetClusterTable } from './FleetClusterTable';
import { FleetTotals } from './FleetTotals';
import { useSubscriptionNames } from './useSubscriptionNames';

/**
 * The platform team's view of the whole fleet: the totals of the inventory, what the
 * address pools have left, and every cluster in a table the backend sorts and pages.
 *
 * The table waits for the totals: with no cluster at all the page says where clusters
 * come from instead. If the totals fail, the table still loads on its own.
 *
 * @public
 */
export function AksFleetPage() {
  const api = useApi(aksNetworkApiRef);
  const summary = useAsyncRetry(() => api.getFleetSummary(), [api]);
  const subscriptions = useSubscriptionNames();

  const { value } = summary;
  // A retry of failed totals keeps the table, and its page and sort, where it is.
  const showTable = value ? value.clusterCount > 0 : Boolean(summary.error);
  let totals;
  if (summary.loading && !value) {
    totals = <Progress aria-label="Loading the fleet totals" />;
  } else if (summary.error) {
    totals = <LoadFailure error={summary.error} onRetry={summary.retry} />;
  } else if (value && value.clusterCount === 0) {
    totals = (
      <EmptyFleet
        lastSync={value.lastSync}
        subscriptions={subscriptions.subscriptions}
      />
    );
  } else if (value) {
    totals = <FleetTotals summary={value} />;
  }

  return (
    <Page themeId="tool">
      <Header
        title="AKS network"
        subtitle="Every cluster of the inventory: network model, IP use and security posture"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            {totals}
          </Grid>
          <Grid item xs={12}>
            <AddressPoolsCard />
          </Grid>
          {showTable && (
            <Grid item xs={12}>
              {subscriptions.error && (
                <Typography variant="body2" color="textSecondary" paragraph>
                  Subscription names could not be read (
                  {subscriptions.error.message}): the table shows their ids.
                </Typography>
              )}
              <FleetClusterTable subscriptionNames={subscriptions.names} />
            </Grid>
          )}
        </Grid>
      </Content>
    </Page>
  );
}
