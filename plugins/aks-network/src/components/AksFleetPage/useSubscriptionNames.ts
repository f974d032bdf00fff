import type { ApiSubscription } from '@aks-network/plugin-aks-network-common';
import { useApi } from '@backstage/core-plugin-api';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { aksNetworkApiRef } from '../../api/aksNetworkApiRef';

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/**
 * The subscriptions the inventory reads, and their display names by id. The names
 * only label the table; while they load, or if they cannot be read, the ids stand in.
 */
export function useSubscriptionNames(): {
  names: ReadonlyMap<string, string>;
  subscriptions?: ApiSubscription[];
  error?: Error;
} {
  const api = useApi(aksNetworkApiRef);
  const { value, error } = useAsync(() => api.listSubscriptions(), [api]);
  const names = useMemo(() => {
    if (!value) {
      return NO_NAMES;
    }
    return new Map(
      value.items
        .filter(item => item.displayName)
        .map(item => [item.subscriptionId, item.displayName!] as const),
    );
  }, [value]);
  return { names, subscriptions: value?.items, error };
}
