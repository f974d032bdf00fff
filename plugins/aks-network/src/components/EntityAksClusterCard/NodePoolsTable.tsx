import type { ApiCluster } from '@aks-network/plugin-aks-network-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';

function lastSegment(armId: string | undefined): string {
  return armId ? armId.split('/').pop() ?? armId : '—';
}

/** The cluster's node pools as ARM lists them. */
export function NodePoolsTable(props: { cluster: ApiCluster }) {
  const pools = props.cluster.nodePools;
  if (pools.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No node pool was read.
      </Typography>
    );
  }
  return (
    // Names and sizes stay whole; a narrow card scrolls the table instead.
    <Box overflow="auto" style={{ whiteSpace: 'nowrap' }}>
      <Table size="small" aria-label="Node pools">
        <TableHead>
          <TableRow>
            <TableCell>Pool</TableCell>
            <TableCell>Mode</TableCell>
            <TableCell align="right">Nodes</TableCell>
            <TableCell>VM size</TableCell>
            <TableCell align="right">Max pods</TableCell>
            <TableCell align="right">Max surge</TableCell>
            <TableCell>Node subnet</TableCell>
            <TableCell>Pod subnet</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {pools.map(pool => (
            <TableRow key={pool.name}>
              <TableCell>{pool.name}</TableCell>
              <TableCell>{pool.mode}</TableCell>
              <TableCell align="right">
                {pool.count}
                {pool.maxCount !== undefined ? ` (up to ${pool.maxCount})` : ''}
              </TableCell>
              <TableCell>{pool.vmSize}</TableCell>
              <TableCell align="right">{pool.maxPods}</TableCell>
              <TableCell align="right">{pool.maxSurge ?? 'not set'}</TableCell>
              <TableCell>{lastSegment(pool.vnetSubnetId)}</TableCell>
              <TableCell>{lastSegment(pool.podSubnetId)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
