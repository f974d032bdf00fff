import {
  configKeyOf,
  configZod as z,
} from '@aks-network/plugin-aks-network-node';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Who may do what with the AKS network plugin, from `aksNetwork.permissionPolicy`
 * (see `config.d.ts`).
 */
export interface AksNetworkPolicyConfig {
  /** Entity refs of the platform team: they manage pools and run full syncs. */
  platformGroups: string[];
  /**
   * Entity refs (users or groups) who may create clusters; undefined means any user
   * who is a member of a group.
   */
  clusterCreators?: string[];
}

const POLICY_CONFIG_KEY = 'aksNetwork.permissionPolicy';

const DEFAULT_PLATFORM_GROUP = 'group:default/team-platform';

// Refs are normalised as the catalog writes them; a bare name is a group in `default`.
// The issue is the list's, so the message names the key as it is written in app-config.
const entityRefs = z
  .array(z.string({ invalid_type_error: 'must be a list of entity refs' }), {
    invalid_type_error: 'must be a list of entity refs',
  })
  .transform((values, ctx) => {
    const refs: string[] = [];
    for (const value of values) {
      try {
        refs.push(
          stringifyEntityRef(
            parseEntityRef(value, {
              defaultKind: 'group',
              defaultNamespace: 'default',
            }),
          ),
        );
      } catch {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `'${value}' is not an entity ref`,
        });
        return z.NEVER;
      }
    }
    return refs;
  });

const policySchema = z
  .object({
    platformGroups: entityRefs.default([DEFAULT_PLATFORM_GROUP]),
    clusterCreators: entityRefs.optional(),
  })
  .strict();

/**
 * Reads the policy's config. A bad value stops the backend at start-up with an
 * InputError naming the key.
 */
export function readPolicyConfig(root: Config): AksNetworkPolicyConfig {
  const parsed = policySchema.safeParse(
    root.getOptional(POLICY_CONFIG_KEY) ?? {},
  );
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(
          issue =>
            `Invalid config ${configKeyOf(POLICY_CONFIG_KEY, issue.path)}: ${
              issue.message
            }`,
        )
        .join('; '),
    );
  }
  const { platformGroups, clusterCreators } = parsed.data;
  return {
    platformGroups,
    ...(clusterCreators ? { clusterCreators } : {}),
  };
}
