import {
  FleetCluster,
  FleetSortField,
  POSTURE_CHECK_NAMES,
} from '@aks-network/plugin-aks-network-common';
import { TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  dataplaneLabel,
  formatCount,
  formatUsd,
  networkModelLabel,
} from '../network/labels';
import { PostureStatusLabel } from '../network/PostureStatusLabel';
import {
  ClusterNameCell,
  NodeSubnetUseCell,
  PodCapacityCell,
} from './FleetClusterCells';
import { CHECK_LABELS } from './fleetWords';

/**
 * A column the backend sorts by: its `field` is the backend's sort field, which the
 * remote query sends as `sort` (the rows are never sorted in the browser).
 */
function sortedBy(field: FleetSortField): { field: FleetSortField } {
  return { field };
}

/** Columns without a sort in the backend: a click on their header would do nothing. */
const UNSORTED = { sorting: false } as const;

/** Short values (names, regions, counts) stay on one line; the table scrolls instead. */
const ONE_LINE = { cellStyle: { whiteSpace: 'nowrap' } } as const;

/** Figures with a line of words under them need room to be read. */
const FIGURES = { cellStyle: { minWidth: 160 } } as const;

/** ACNS's monthly cost for the cluster's nodes, with whether it is on or cannot run. */
function AcnsCostCell(props: { cluster: FleetCluster }) {
  const { figures } = props.cluster;
  let note: string;
  if (figures.acnsObservability) {
    note = 'on';
  } else if (!figures.acnsAvailable) {
    note = 'cannot run on this model';
  } else {
    note = 'off';
  }
  return (
    <Typography variant="body2" component="div">
      {formatUsd(figures.acnsMonthlyCostUsd)}
      <Typography variant="caption" component="div" color="textSecondary">
        {note}
      </Typography>
    </Typography>
  );
}

/**
 * The fleet table's columns. The subscription shows its display name when the
 * inventory knows it, else its id.
 */
export function fleetColumns(
  subscriptionNames: ReadonlyMap<string, string>,
): TableColumn<FleetCluster>[] {
  return [
    {
      title: 'Cluster',
      ...sortedBy('name'),
      ...ONE_LINE,
      render: row => <ClusterNameCell cluster={row} />,
    },
    {
      title: 'Model',
      ...sortedBy('networkModel'),
      render: row => (
        <Typography variant="body2" component="div">
          {networkModelLabel(row.networkModel)}
          <Typography variant="caption" component="div" color="textSecondary">
            {dataplaneLabel(row.dataplane)}
          </Typography>
        </Typography>
      ),
    },
    {
      title: 'Region',
      ...sortedBy('region'),
      ...ONE_LINE,
      render: row => row.region,
    },
    {
      title: 'Subscription',
      ...sortedBy('subscriptionId'),
      render: row => (
        <span title={row.subscriptionId}>
          {subscriptionNames.get(row.subscriptionId) ?? row.subscriptionId}
        </span>
      ),
    },
    {
      title: 'Owner',
      ...sortedBy('owner'),
      ...ONE_LINE,
      render: row => row.owner ?? 'no owner tag',
    },
    {
      title: 'Nodes',
      ...sortedBy('nodeCount'),
      render: row => formatCount(row.figures.nodeCount),
    },
    {
      title: 'Node subnet use',
      ...sortedBy('nodeSubnetUse'),
      ...FIGURES,
      render: row => <NodeSubnetUseCell cluster={row} />,
    },
    {
      title: 'Pod capacity',
      ...sortedBy('podCapacity'),
      ...FIGURES,
      render: row => <PodCapacityCell cluster={row} />,
    },
    ...POSTURE_CHECK_NAMES.map(
      (check): TableColumn<FleetCluster> => ({
        title: CHECK_LABELS[check].column,
        ...UNSORTED,
        ...ONE_LINE,
        render: row => (
          <PostureStatusLabel status={row.figures.checks[check]} />
        ),
      }),
    ),
    {
      title: 'ACNS a month',
      ...sortedBy('acnsMonthlyCostUsd'),
      render: row => <AcnsCostCell cluster={row} />,
    },
  ];
}
