import { toFleetClusterQuery } from './fleetQuery';

describe('toFleetClusterQuery', () => {
  it('turns the page into an offset and its size into the limit', () => {
    expect(toFleetClusterQuery({ page: 3, pageSize: 50 }, {})).toEqual({
      limit: 50,
      offset: 150,
    });
  });

  it('sends the sort of a backend sort field with its way, and the filters', () => {
    expect(
      toFleetClusterQuery(
        {
          page: 0,
          pageSize: 25,
          search: ' aks-pay ',
          orderBy: { field: 'podCapacity' },
          orderDirection: 'desc',
        },
        { networkModel: 'azure-cni-node-subnet', failingCheck: 'historyKept' },
      ),
    ).toEqual({
      search: 'aks-pay',
      sort: 'podCapacity',
      order: 'desc',
      networkModel: 'azure-cni-node-subnet',
      failingCheck: 'historyKept',
      limit: 25,
      offset: 0,
    });
  });

  it('sends no sort the backend would refuse, nor an empty search', () => {
    expect(
      toFleetClusterQuery(
        {
          page: 0,
          pageSize: 25,
          search: '   ',
          orderBy: { field: 'dataplane' },
          orderDirection: 'asc',
        },
        {},
      ),
    ).toEqual({ limit: 25, offset: 0 });
    // material-table's "no order" after a third click.
    expect(
      toFleetClusterQuery(
        {
          page: 0,
          pageSize: 25,
          orderBy: { field: 'name' },
          orderDirection: '',
        },
        {},
      ),
    ).toEqual({ limit: 25, offset: 0 });
  });

  it('cuts the search to the 100 characters the backend takes', () => {
    const query = toFleetClusterQuery(
      { page: 0, pageSize: 25, search: 'a'.repeat(150) },
      {},
    );
    expect(query.search).toHaveLength(100);
  });
});
