import type {
  FleetCluster,
  FleetClusterQuery,
} from '@aks-network/plugin-aks-network-common';
import { Progress, Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { aksNetworkApiRef } from '../../api/aksNetworkApiRef';
import { LoadFailure } from '../network/LoadFailure';
import { fleetColumns } from './fleetColumns';
import { FleetFilters } from './FleetFilters';
import {
  FleetFilterValues,
  FleetTableQuery,
  toFleetClusterQuery,
} from './fleetQuery';
import { SORT_LABELS } from './fleetWords';

/** The part of material-table's instance the page drives: asking for the page again. */
interface RemoteTable {
  onQueryChange: (query?: Partial<FleetTableQuery>) => void;
}

export const PAGE_SIZE_OPTIONS = [25, 50, 100];

/** The table's own pending state, shown as Backstage shows progress. */
function TableLoading() {
  return (
    <Box pt={8} px={2}>
      <Progress aria-label="Loading clusters" />
    </Box>
  );
}

/**
 * How the rows shown are sorted, in words: the header's arrow is an icon only, and the
 * order is the backend's (by name when none is asked for).
 */
function sortedText(query: FleetClusterQuery): string {
  if (!query.sort) {
    return 'Sorted by cluster name, ascending.';
  }
  return `Sorted by ${SORT_LABELS[query.sort]}, ${
    query.order === 'desc' ? 'descending' : 'ascending'
  }; clusters whose value is unknown come last.`;
}

/**
 * Every cluster of the inventory, a page at a time. The table's data is a function of
 * its query: each page, sort, search and filter change asks the backend for that page
 * only, so the browser never holds the whole fleet.
 */
export function FleetClusterTable(props: {
  subscriptionNames: ReadonlyMap<string, string>;
}) {
  const api = useApi(aksNetworkApiRef);
  const [filters, setFilters] = useState<FleetFilterValues>({});
  const [error, setError] = useState<Error>();
  const [shown, setShown] = useState<FleetClusterQuery>();
  // The page that failed, asked for again on Retry (the table itself falls back to
  // the first page when it gets no rows).
  const failedPage = useRef<Pick<FleetTableQuery, 'page' | 'pageSize'>>();
  const tableRef = useRef<RemoteTable>();

  // material-table reads `data` when it queries, and it does not query again when
  // `data` changes: a new filter asks for the first page once the table has the
  // function that knows the filter, i.e. after the render that set it.
  const applied = useRef(filters);
  useEffect(() => {
    if (applied.current !== filters) {
      applied.current = filters;
      tableRef.current?.onQueryChange({ page: 0 });
    }
  }, [filters]);

  const columns = useMemo(
    () => fleetColumns(props.subscriptionNames),
    [props.subscriptionNames],
  );

  const data = useCallback(
    async (query: FleetTableQuery) => {
      const request = toFleetClusterQuery(query, filters);
      try {
        const page = await api.listFleetClusters(request);
        setError(undefined);
        setShown(request);
        failedPage.current = undefined;
        return {
          data: page.items,
          page: query.page,
          totalCount: page.totalCount,
        };
      } catch (e) {
        // Said above the table with a Retry, in Backstage's own error panel, rather
        // than in material-table's overlay that hides the error's details.
        failedPage.current = { page: query.page, pageSize: query.pageSize };
        setError(e instanceof Error ? e : new Error(String(e)));
        return { data: [] as FleetCluster[], page: 0, totalCount: 0 };
      }
    },
    [api, filters],
  );

  return (
    <div data-testid="aks-fleet-clusters">
      <FleetFilters value={filters} onChange={setFilters} />
      {error && (
        <Box mb={2}>
          <LoadFailure
            error={error}
            onRetry={() =>
              tableRef.current?.onQueryChange(failedPage.current ?? {})
            }
          />
        </Box>
      )}
      {shown && (
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="aks-fleet-sort"
          aria-live="polite"
        >
          {sortedText(shown)}
        </Typography>
      )}
      <Table<FleetCluster>
        tableRef={tableRef}
        title="Clusters"
        subtitle="IP use is unknown where the VNet usages API gave none; a stale cluster shows its last good read."
        columns={columns}
        data={data}
        components={{ OverlayLoading: TableLoading }}
        localization={{
          body: {
            emptyDataSourceMessage: error
              ? 'The clusters could not be loaded: see the error above.'
              : 'No cluster matches the search and filters.',
          },
          toolbar: { searchPlaceholder: 'Search cluster names' },
        }}
        options={{
          paging: true,
          pageSize: PAGE_SIZE_OPTIONS[0],
          pageSizeOptions: PAGE_SIZE_OPTIONS,
          search: true,
          sorting: true,
          // asc, desc, asc: the backend always has an order (by name by default).
          thirdSortClick: false,
          // A new column starts ascending, whatever way the last one was sorted.
          keepSortDirectionOnColumnSwitch: false,
          // No drag handles on the headers: each would be a second button named like
          // the sort button inside it.
          draggable: false,
          debounceInterval: 400,
          emptyRowsWhenPaging: false,
          padding: 'dense',
        }}
      />
    </div>
  );
}
