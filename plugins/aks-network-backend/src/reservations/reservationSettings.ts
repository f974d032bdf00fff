import type { Config } from '@backstage/config';
import { ConflictError } from '@backstage/errors';
import { readAksNetworkBackendConfig } from '../config/aksNetworkBackendConfig';
import type {
  AddressPoolInput,
  AksNetworkStore,
} from '../database/AksNetworkStore';

// The backend reads these with the rest of its settings at start-up
// (readAksNetworkBackendConfig); the readers below read one value each.

/**
 * `aksNetwork.reservations.ttlSeconds`, default 3600.
 *
 * @public
 */
export function readReservationTtlSeconds(config: Config): number {
  return readAksNetworkBackendConfig(config).reservations.ttlSeconds;
}

/**
 * `aksNetwork.reservations.maxTtlSeconds`, default 86400 (a day): the longest
 * `ttlSeconds` a reservation may ask for. Not below the default TTL.
 *
 * @public
 */
export function readReservationMaxTtlSeconds(config: Config): number {
  return readAksNetworkBackendConfig(config).reservations.maxTtlSeconds;
}

/**
 * The pools under `aksNetwork.addressPools`; each is checked when it is created.
 *
 * @public
 */
export function readConfiguredAddressPools(config: Config): AddressPoolInput[] {
  return readAksNetworkBackendConfig(config).addressPools;
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
