import { normaliseArmId } from '@aks-network/plugin-aks-network-common';
import { createHash } from 'node:crypto';

/**
 * Catalog entity names are at most 63 characters (Backstage's descriptor format,
 * `metadata.name`: https://backstage.io/docs/features/software-catalog/descriptor-format#name-required).
 * A limit of the catalog, not common's `MAX_NAME_LENGTH` of Azure names, though both
 * are 63.
 */
const MAX_CATALOG_NAME_LENGTH = 63;
const HASH_LENGTH = 8;

/**
 * A short digest of the ARM id. ARM ids are case-insensitive, so the id is lower-cased
 * first: the same cluster read with different casing keeps its entity.
 */
function armIdDigest(armId: string): string {
  return createHash('sha256')
    .update(normaliseArmId(armId))
    .digest('hex')
    .slice(0, HASH_LENGTH);
}

/**
 * The catalog name of a cluster entity: the cluster name, a dash, and the first 8 hex
 * digits of the SHA-256 of its normalised (lower-cased) ARM id.
 *
 * The suffix is always added, not only on a clash: a name that changed the day a second
 * subscription got a cluster of the same name would break every reference to the
 * first one. AKS names (≤ 63 characters of letters, digits, `-`, `_`) fit catalog
 * names, but the base is still sanitised and cut so the result is always valid.
 *
 * @public
 */
export function clusterEntityName(cluster: {
  id: string;
  name: string;
}): string {
  const maxBase = MAX_CATALOG_NAME_LENGTH - HASH_LENGTH - 1;
  const base =
    cluster.name
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .slice(0, maxBase)
      // Catalog names start and end with a letter or digit.
      .replace(/^[^a-z0-9]+/, '')
      .replace(/[^a-z0-9]+$/, '') || 'aks';
  return `${base}-${armIdDigest(cluster.id)}`;
}

/**
 * The ref of a cluster's entity: the catalog module emits it as a `Resource` in the
 * `default` namespace, named by {@link clusterEntityName}.
 *
 * @public
 */
export function clusterEntityRef(cluster: { id: string; name: string }): string {
  return `resource:default/${clusterEntityName(cluster)}`;
}
