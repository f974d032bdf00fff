import {
  ClusterTagNames,
  DEFAULT_CLUSTER_TAG_NAMES,
} from '@aks-network/plugin-aks-network-common';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { AKS_NETWORK_CONFIG_ROOT } from './AksNetworkConfigRoot';
import { parseConfigSection } from './parseConfigSection';

/**
 * The config key of the cluster tag names.
 *
 * @public
 */
export const CLUSTER_TAGS_CONFIG_KEY = `${AKS_NETWORK_CONFIG_ROOT}.tags`;

/**
 * Keys that named a tag before `aksNetwork.tags`: the sync's owner tag and the catalog
 * provider's three. Still read, with a warning, so an existing app-config keeps its
 * owners; set in two places they must agree.
 */
const DEPRECATED_KEYS: Record<keyof ClusterTagNames, string[]> = {
  owner: [
    `${AKS_NETWORK_CONFIG_ROOT}.sync.ownerTag`,
    'catalog.providers.aksNetwork.ownerTag',
  ],
  system: ['catalog.providers.aksNetwork.systemTag'],
  component: ['catalog.providers.aksNetwork.componentTag'],
  flowExport: [],
};

// Azure refuses these characters in tag names, and caps a name at 512 characters
// (https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations).
const tagName = z
  .string({ invalid_type_error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(512, 'must be at most 512 characters (an Azure tag name)')
  .refine(name => !/[<>%&\\?/]/.test(name), {
    message:
      'must not contain any of < > % & \\ ? / (refused by Azure in tag names)',
  });

const tagsSchema = z
  .object({
    owner: tagName.optional(),
    system: tagName.optional(),
    component: tagName.optional(),
    flowExport: tagName.optional(),
  })
  .strict();

/**
 * Options of {@link readClusterTagNames}.
 *
 * @public
 */
export interface ReadClusterTagNamesOptions {
  /** Where a deprecated key in use is reported. */
  logger?: LoggerService;
}

function readDeprecated(
  config: Config,
  name: keyof ClusterTagNames,
): { key: string; value: string } | undefined {
  const found = DEPRECATED_KEYS[name].flatMap(key => {
    const value = config.getOptional(key);
    if (value === undefined) {
      return [];
    }
    const parsed = tagName.safeParse(value);
    if (!parsed.success) {
      throw new InputError(
        `Invalid AKS cluster tags config: ${key}: ${parsed.error.issues[0].message}`,
      );
    }
    return [{ key, value: parsed.data }];
  });
  const [first, ...rest] = found;
  if (!first) {
    return undefined;
  }
  const other = rest.find(
    f => f.value.toLowerCase() !== first.value.toLowerCase(),
  );
  if (other) {
    throw new InputError(
      `Invalid AKS cluster tags config: ${first.key} and ${other.key} name different tags; set ${CLUSTER_TAGS_CONFIG_KEY}.${name} instead of both`,
    );
  }
  return first;
}

/**
 * `aksNetwork.tags`: the Azure tags naming a cluster's owner, system and components,
 * and the one declaring its flow export (docs/domain.md#declared-controls), common's `DEFAULT_CLUSTER_TAG_NAMES` for those left out. The backend's sync, the catalog
 * module and the scaffolder's create action all read them here, so a cluster the
 * template creates carries the tags the catalog reads. A name given only under a
 * deprecated key (`aksNetwork.sync.ownerTag`, `catalog.providers.aksNetwork.*Tag`) is
 * used with a warning.
 *
 * @throws InputError naming the key of a bad value, or of two deprecated keys that disagree.
 * @public
 */
export function readClusterTagNames(
  config: Config,
  options: ReadClusterTagNamesOptions = {},
): Required<ClusterTagNames> {
  const tags = parseConfigSection(
    config,
    CLUSTER_TAGS_CONFIG_KEY,
    tagsSchema,
    'Invalid AKS cluster tags config',
  );
  const names: Required<ClusterTagNames> = { ...DEFAULT_CLUSTER_TAG_NAMES };
  const all = Object.keys(DEFAULT_CLUSTER_TAG_NAMES) as Array<
    keyof ClusterTagNames
  >;
  for (const name of all) {
    const deprecated = readDeprecated(config, name);
    const current = tags[name];
    if (current !== undefined) {
      names[name] = current;
      if (deprecated) {
        options.logger?.warn(
          `${deprecated.key} is deprecated and ignored: ${CLUSTER_TAGS_CONFIG_KEY}.${name} is set`,
        );
      }
    } else if (deprecated) {
      names[name] = deprecated.value;
      options.logger?.warn(
        `${deprecated.key} is deprecated; set ${CLUSTER_TAGS_CONFIG_KEY}.${name} instead`,
      );
    }
  }
  // Azure compares tag names case-insensitively, so `Owner` and `owner` are one tag.
  const seen = new Map<string, keyof ClusterTagNames>();
  for (const name of all) {
    const lower = names[name].toLowerCase();
    const before = seen.get(lower);
    if (before) {
      throw new InputError(
        `Invalid AKS cluster tags config: ${CLUSTER_TAGS_CONFIG_KEY}.${name}: names the same tag as ${CLUSTER_TAGS_CONFIG_KEY}.${before}`,
      );
    }
    seen.set(lower, name);
  }
  return names;
}
