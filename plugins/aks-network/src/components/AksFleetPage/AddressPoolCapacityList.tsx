import type { ApiAddressPoolWithCapacity } from '@aks-network/plugin-aks-network-common';
import { StatusWarning } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatCount, formatTime } from '../network/labels';
import { SegmentedBar } from '../network/SegmentedBar';

/**
 * What a pool still has, in node subnets of its prefix. A VNet that could not be read
 * is said with why, and no bar is drawn: the backend gives no count then, since a
 * count on data not read would be a guess.
 */
function PoolCapacity(props: { pool: ApiAddressPoolWithCapacity }) {
  const { pool } = props;
  const { capacity } = pool;
  const size = `/${pool.subnetPrefix}s`;
  if (!capacity) {
    return (
      <Typography variant="body2" color="textSecondary">
        Capacity not counted: the backend gave the pool without it.
      </Typography>
    );
  }
  if ('error' in capacity) {
    return (
      <Typography variant="body2" component="div">
        <StatusWarning>
          VNet {pool.vnetName} could not be read ({formatTime(capacity.readAt)}
          ): {capacity.error}. No count of free {size} is given without it.
        </StatusWarning>
      </Typography>
    );
  }
  const taken = Math.max(0, capacity.totalSubnets - capacity.freeSubnets);
  return (
    <>
      <SegmentedBar
        label={`Node subnets of ${pool.id}`}
        segments={[
          { kind: 'used', label: 'Taken', value: taken },
          { kind: 'free', label: 'Free', value: capacity.freeSubnets },
        ]}
      />
      <Typography variant="caption" component="p">
        {formatCount(capacity.freeSubnets)} of{' '}
        {formatCount(capacity.totalSubnets)} {size} free ·{' '}
        {formatCount(capacity.liveReservations)} live reservation
        {capacity.liveReservations === 1 ? '' : 's'} · VNet read{' '}
        {formatTime(capacity.readAt)}
      </Typography>
    </>
  );
}

/**
 * The address pools node subnets are carved from, one line each: where the pool is
 * (VNet, region, range) and how many node subnets of its prefix it still has free.
 */
export function AddressPoolCapacityList(props: {
  pools: ApiAddressPoolWithCapacity[];
}) {
  if (props.pools.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No address pool is defined: node subnets are not handed out from a pool
        yet (pools are set under aksNetwork.addressPools).
      </Typography>
    );
  }
  return (
    <div>
      {props.pools.map(pool => (
        <Box
          key={pool.id}
          mb={2}
          data-testid="aks-address-pool"
          data-pool={pool.id}
        >
          <Typography variant="body2">
            <strong>{pool.id}</strong> · VNet {pool.vnetName} (
            {pool.resourceGroup}) · {pool.region} · {pool.range} · node subnets
            /{pool.subnetPrefix}
          </Typography>
          {pool.description && (
            <Typography variant="caption" color="textSecondary" component="p">
              {pool.description}
            </Typography>
          )}
          <PoolCapacity pool={pool} />
        </Box>
      ))}
    </div>
  );
}
