import {
  AZURE_RULES,
  containsCidr,
  logSafe,
  parseCidr,
} from '@aks-network/plugin-aks-network-common';
import {
  InputError,
  ServiceUnavailableError,
  stringifyError,
} from '@backstage/errors';
import type { CheckedAddressPool } from './addressPoolRules';
import { describePoolVnet } from './addressPoolRules';
import { readCidrField } from './subnetPrefixRules';
import type { VnetRead, VnetSubnetSource } from './VnetSubnetSource';

/** How much of ARM's error an answer quotes. */
const MAX_QUOTED_ERROR = 300;

function statusCodeOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Reads the VNet of a pool: before the pool is created or moved (`for: 'pool'`), or
 * before a subnet is handed out of it (`for: 'subnet'`). A pool is only written, and a
 * subnet only reserved, on what Azure says. On a pool change a VNet Azure does not have
 * is the caller's mistake (400 naming `vnetName`); otherwise a VNet that could not be
 * read (no permission, throttled, unreachable, gone) is a 503 naming it. Either way
 * nothing is written. The pool's fields are checked before, so no unchecked text
 * reaches an ARM URL.
 */
export async function readPoolVnet(
  source: VnetSubnetSource,
  pool: Pick<
    CheckedAddressPool,
    'subscriptionId' | 'resourceGroup' | 'vnetName'
  >,
  purpose: { for: 'pool' | 'subnet' },
): Promise<VnetRead> {
  try {
    return await source.readVnet({
      subscriptionId: pool.subscriptionId,
      resourceGroup: pool.resourceGroup,
      vnetName: pool.vnetName,
    });
  } catch (error) {
    const message = logSafe(stringifyError(error), MAX_QUOTED_ERROR);
    if (purpose.for === 'pool' && statusCodeOf(error) === 404) {
      throw new InputError(
        `vnetName: Azure has no ${describePoolVnet(
          pool,
        )} (or the backend's identity cannot see it): ${message}; nothing was written`,
      );
    }
    throw new ServiceUnavailableError(
      `The ${describePoolVnet(pool)} could not be read from Azure, so ${
        purpose.for === 'pool'
          ? "the pool's range cannot be checked against its address space"
          : 'the subnets it already has cannot be told'
      }; nothing was written: ${message}`,
    );
  }
}

/** ARM writes regions as `westeurope`; display names (`West Europe`) compare too. */
function regionKey(region: string): string {
  return region.replace(/\s+/g, '').toLowerCase();
}

/**
 * A pool carves node subnets from its VNet, so its range lies inside the VNet's
 * address space (Azure refuses a subnet outside it:
 * https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq), and the
 * pool is in the VNet's region (a subnet is in its VNet's region).
 *
 * @throws InputError naming `range` or `region`.
 */
export function assertPoolInVnet(
  pool: Pick<
    CheckedAddressPool,
    'subscriptionId' | 'resourceGroup' | 'vnetName' | 'range' | 'region'
  >,
  vnet: VnetRead,
): void {
  const range = readCidrField('range', pool.range);
  const inside = vnet.addressSpace.some(text => {
    const space = parseCidr(text);
    return space.ok && containsCidr(space.cidr, range);
  });
  if (!inside) {
    throw new InputError(
      `range: ${
        pool.range
      } is not inside the address space of the ${describePoolVnet(pool)} (${
        vnet.addressSpace.length > 0
          ? vnet.addressSpace.join(', ')
          : 'Azure gives it none'
      }); ${AZURE_RULES.nodeSubnetInVnet}`,
    );
  }
  if (vnet.location && regionKey(vnet.location) !== regionKey(pool.region)) {
    throw new InputError(
      `region: the ${describePoolVnet(pool)} is in ${vnet.location}, not ${
        pool.region
      }`,
    );
  }
}
