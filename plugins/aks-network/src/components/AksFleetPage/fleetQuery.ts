import {
  FLEET_SORT_FIELDS,
  FleetClusterQuery,
  FleetSortField,
  NetworkModel,
  PostureCheckName,
} from '@aks-network/plugin-aks-network-common';

/** The longest search the backend takes (`GET /fleet/clusters`, `search` maxLength 100). */
const MAX_SEARCH_LENGTH = 100;

/**
 * What the table's remote query carries that the backend needs: a material-table
 * `Query` fits it (the page, its size, the search text, the sorted column and way).
 */
export interface FleetTableQuery {
  page: number;
  pageSize: number;
  search?: string;
  orderBy?: { field?: unknown };
  orderDirection?: string;
}

/** The filters above the table. */
export interface FleetFilterValues {
  networkModel?: NetworkModel;
  failingCheck?: PostureCheckName;
}

function isSortField(value: unknown): value is FleetSortField {
  return (FLEET_SORT_FIELDS as readonly unknown[]).includes(value);
}

/**
 * The backend query of one page of the table. Sorting, search and paging are the
 * backend's, in its database: the table never holds more than the page it shows, so
 * it stays as fast at 5,000 clusters as at 5. A column whose `field` is not a sort
 * field of the backend is not sent (the backend would refuse it).
 */
export function toFleetClusterQuery(
  query: FleetTableQuery,
  filters: FleetFilterValues,
): FleetClusterQuery {
  const search = (query.search ?? '').trim().slice(0, MAX_SEARCH_LENGTH);
  const field = query.orderBy?.field;
  const sorted =
    isSortField(field) &&
    (query.orderDirection === 'asc' || query.orderDirection === 'desc');
  return {
    ...(search ? { search } : {}),
    ...(sorted
      ? { sort: field, order: query.orderDirection as 'asc' | 'desc' }
      : {}),
    ...(filters.networkModel ? { networkModel: filters.networkModel } : {}),
    ...(filters.failingCheck ? { failingCheck: filters.failingCheck } : {}),
    limit: query.pageSize,
    offset: query.page * query.pageSize,
  };
}
