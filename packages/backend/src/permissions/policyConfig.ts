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

const DEFAULT_PLATFORM_GROUP = 'group:default/team-platform';

function normalizedRefs(config: Config, key: string): string[] | undefined {
  const values = config.getOptionalStringArray(key);
  return values?.map(value => {
    try {
      return stringifyEntityRef(
        parseEntityRef(value, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch {
      throw new InputError(
        `Invalid config aksNetwork.permissionPolicy.${key}: '${value}' is not an entity ref`,
      );
    }
  });
}

/** Reads the policy's config; refs are normalised as the catalog writes them. */
export function readPolicyConfig(root: Config): AksNetworkPolicyConfig {
  const config = root.getOptionalConfig('aksNetwork.permissionPolicy');
  if (!config) {
    return { platformGroups: [DEFAULT_PLATFORM_GROUP] };
  }
  const clusterCreators = normalizedRefs(config, 'clusterCreators');
  return {
    platformGroups: normalizedRefs(config, 'platformGroups') ?? [
      DEFAULT_PLATFORM_GROUP,
    ],
    ...(clusterCreators ? { clusterCreators } : {}),
  };
}
