import type { Config } from '@backstage/config';
import type { AzureAccess } from '../clients/AzureAccess';
import { AzureInventoryReader } from './AzureInventoryReader';
import { ResourceGraphInventoryReader } from './resourceGraph';

/**
 * Where the inventory is read from: Azure Resource Graph (a few queries across every
 * subscription, then one usages call per VNet) or ARM's per-subscription listings
 * (one listing per subscription, then per VNet, NSG and region).
 *
 * @public
 */
export type InventorySource = 'resourceGraph' | 'arm';

const SOURCES: readonly InventorySource[] = ['resourceGraph', 'arm'];

/**
 * `aksNetwork.inventory.source`, `arm` when unset. Resource Graph answers only with
 * the resources the caller may read and says nothing of the rest
 * (https://learn.microsoft.com/azure/governance/resource-graph/overview#permissions-in-azure-resource-graph):
 * a flow log the identity may not read is simply absent, which would read as "no flow
 * log" where ARM's 403 makes the check unknown. Until the Resource Graph path checks
 * the identity's read access itself, ARM is the default that never turns a missing
 * permission into a verdict.
 *
 * @throws Error naming the key and the allowed values for anything else.
 * @public
 */
export function readInventorySource(config: Config): InventorySource {
  const value = config.getOptionalString('aksNetwork.inventory.source');
  if (value === undefined) {
    return 'arm';
  }
  if (!(SOURCES as readonly string[]).includes(value)) {
    throw new Error(
      `aksNetwork.inventory.source: '${value}' is not one of ${SOURCES.map(
        s => `'${s}'`,
      ).join(', ')}`,
    );
  }
  return value as InventorySource;
}

/**
 * The inventory reader of `source` on `access`'s clients, with the configured opt-in
 * API server CA read.
 *
 * @public
 */
export function createInventoryReader(
  access: AzureAccess,
  options: { source: InventorySource },
): AzureInventoryReader | ResourceGraphInventoryReader {
  const readerOptions = {
    // Opt-in: needs the cluster-user role on every cluster (see the README).
    readApiServerCertificateAuthority:
      access.settings.readApiServerCertificateAuthority,
  };
  return options.source === 'arm'
    ? new AzureInventoryReader(access.clients, readerOptions)
    : new ResourceGraphInventoryReader(access.clients, readerOptions);
}
