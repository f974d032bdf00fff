import { ADDRESS_POOL_PAGE_LIMITS } from '@aks-network/plugin-aks-network-common';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aksNetworkApiRef } from '../../api/aksNetworkApiRef';
import { LoadFailure } from '../network/LoadFailure';
import { AddressPoolCapacityList } from './AddressPoolCapacityList';
import { ManageAddressPools } from './ManageAddressPools';

/**
 * The address pools with what each has left. Its own request: the backend reads every
 * pool's VNet for the count, which may be slower than the inventory's totals, and a
 * failure here should not hide the rest of the page.
 */
export function AddressPoolsCard() {
  const api = useApi(aksNetworkApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    // The most pools one page gives (500): an organisation has tens.
    () =>
      api.listAddressPools({
        capacity: true,
        limit: ADDRESS_POOL_PAGE_LIMITS.max,
      }),
    [api],
  );
  let content;
  if (loading && !value) {
    content = <Progress aria-label="Loading address pools" />;
  } else if (error) {
    content = <LoadFailure error={error} onRetry={retry} />;
  } else if (value) {
    content = <AddressPoolCapacityList pools={value.items} />;
  }
  return (
    <InfoCard
      title="Address pools"
      subheader="Node subnets left in each pool, counted from its VNet as Azure has it"
    >
      <div data-testid="aks-address-pools">{content}</div>
      <ManageAddressPools onChanged={retry} />
    </InfoCard>
  );
}
