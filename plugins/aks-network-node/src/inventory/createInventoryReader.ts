import type { Config } from '@backstage/config';
import { z } from 'zod';
import { parseConfigSection } from '../config/parseConfigSection';
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

const INVENTORY_CONFIG_KEY = 'aksNetwork.inventory';

/** `aksNetwork.inventory`, read as the other sections are (`parseConfigSection`). */
const inventoryConfigSchema = z
  .object({
    source: z
      .string()
      .superRefine((value, context) => {
        if (!(SOURCES as readonly string[]).includes(value)) {
          context.addIssue({
            code: z.ZodIssueCode.custom,
            message: `'${value}' is not one of ${SOURCES.map(
              known => `'${known}'`,
            ).join(', ')}`,
          });
        }
      })
      .optional(),
  })
  .strict()
  .transform(section => ({
    source: (section.source ?? 'arm') as InventorySource,
  }));

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
  return parseConfigSection(
    config,
    INVENTORY_CONFIG_KEY,
    inventoryConfigSchema,
    'Invalid AKS inventory config',
  ).source;
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
