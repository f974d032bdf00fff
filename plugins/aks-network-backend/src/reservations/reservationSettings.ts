import type { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import type {
  AddressPoolInput,
  AksNetworkStore,
} from '../database/AksNetworkStore';

/**
 * Default hold on a reserved subnet: long enough for a scaffolder task to create the
 * subnet and the cluster's first steps, short enough that an abandoned task does not
 * keep address space for a day.
 */
const DEFAULT_TTL_SECONDS = 3600;

/**
 * `aksNetwork.reservations.ttlSeconds`, default 3600.
 *
 * @public
 */
export function readReservationTtlSeconds(config: Config): number {
  const key = 'aksNetwork.reservations.ttlSeconds';
  const ttl = config.getOptionalNumber(key) ?? DEFAULT_TTL_SECONDS;
  if (!Number.isSafeInteger(ttl) || ttl <= 0) {
    throw new InputError(
      `${key}: expected a positive whole number, got ${ttl}`,
    );
  }
  return ttl;
}

/**
 * Longest hold a caller may ask for: a day covers a cluster creation many times over,
 * and a forgotten reservation then gives its range back the next day, not in years.
 */
const DEFAULT_MAX_TTL_SECONDS = 86_400;

/**
 * `aksNetwork.reservations.maxTtlSeconds`, default 86400 (a day): the longest
 * `ttlSeconds` a reservation may ask for. Not below the default TTL.
 *
 * @public
 */
export function readReservationMaxTtlSeconds(config: Config): number {
  const key = 'aksNetwork.reservations.maxTtlSeconds';
  const max = config.getOptionalNumber(key) ?? DEFAULT_MAX_TTL_SECONDS;
  if (!Number.isSafeInteger(max) || max <= 0) {
    throw new InputError(
      `${key}: expected a positive whole number, got ${max}`,
    );
  }
  const ttl = readReservationTtlSeconds(config);
  if (ttl > max) {
    throw new InputError(
      `${key}: ${max} is below aksNetwork.reservations.ttlSeconds (${ttl}), the hold of a reservation that names none`,
    );
  }
  return max;
}

/**
 * The pools under `aksNetwork.addressPools`; each is checked when it is created.
 *
 * @public
 */
export function readConfiguredAddressPools(config: Config): AddressPoolInput[] {
  return (config.getOptionalConfigArray('aksNetwork.addressPools') ?? []).map(
    pool => ({
      id: pool.getString('id'),
      subscriptionId: pool.getString('subscriptionId'),
      resourceGroup: pool.getString('resourceGroup'),
      vnetName: pool.getString('vnetName'),
      region: pool.getString('region'),
      range: pool.getString('range'),
      subnetPrefix: pool.getOptionalNumber('subnetPrefix'),
      description: pool.getOptionalString('description'),
    }),
  );
}

/**
 * Creates the configured pools that do not exist yet. A pool that exists is left as
 * it is: it may have been edited through the API since, and config is only the seed.
 *
 * @returns the ids of the pools created.
 * @public
 */
export async function seedAddressPools(
  store: AksNetworkStore,
  pools: AddressPoolInput[],
): Promise<string[]> {
  const created: string[] = [];
  for (const pool of pools) {
    if (await store.getAddressPool(pool.id)) {
      continue;
    }
    try {
      await store.createAddressPool(pool);
      created.push(pool.id);
    } catch (error) {
      // Another replica seeded it between the read and the insert: it exists now. Any
      // other conflict (a range overlapping another pool of its VNet) stops the start.
      if (
        !(error instanceof ConflictError) ||
        !(await store.getAddressPool(pool.id))
      ) {
        throw error;
      }
    }
  }
  return created;
}
