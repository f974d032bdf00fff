import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { AksNetworkService } from '../service/AksNetworkService';

/**
 * What the plugin's actions need: the registry to register in, the permissions to
 * authorize the caller's credentials with, the catalog (read with those credentials)
 * and the service the HTTP routes call.
 */
export type AksNetworkActionDeps = {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  catalog: CatalogService;
  service: AksNetworkService;
};

/**
 * Every action here only reads: the MCP actions backend passes these to the assistant
 * as the tool's readOnly, destructive and idempotent hints.
 */
export const READ_ONLY_ACTION = {
  readOnly: true,
  destructive: false,
  idempotent: true,
} as const;

/**
 * Hands an answer of the wire functions to the registry as the action's output. The
 * wire types are interfaces, which TypeScript does not let stand for the output
 * schema's passthrough objects (interfaces have no index signature); the registry
 * parses the output with that schema before it answers, so a shape that drifted from
 * the schema is an "Invalid output" error, never a silent change.
 */
export function wireOutput<T extends object>(wire: T): { output: never } {
  return { output: wire as never };
}
