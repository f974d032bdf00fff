import type { ApiCluster } from '@aks-network/plugin-aks-network-common';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The template's form values for a new overlay cluster in place of `cluster`. */
export interface OverlayRequestFormData {
  owner?: string;
  system?: string;
  components?: string[];
  subscriptionId: string;
  resourceGroup: string;
  region: string;
  nodeCount?: number;
}

function fullRef(ref: unknown, defaultKind: string): string | undefined {
  if (typeof ref !== 'string' || ref.trim() === '') {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(ref.trim(), { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return undefined;
  }
}

/**
 * What the overlay template starts from for a cluster: its owner, system and
 * components as its catalog entity has them (the catalog module's reading of its tags),
 * else the owner tag the inventory keeps; its subscription, resource group and region;
 * as many nodes as it runs now.
 */
export function overlayRequestFormData(
  cluster: ApiCluster,
  clusterEntity: Entity | undefined,
): OverlayRequestFormData {
  const spec = (clusterEntity?.spec ?? {}) as {
    owner?: string;
    system?: string;
    dependencyOf?: string[];
  };
  const components = (spec.dependencyOf ?? [])
    .map(ref => fullRef(ref, 'component'))
    .filter((ref): ref is string => ref?.startsWith('component:') ?? false);
  const owner =
    fullRef(spec.owner, 'group') ?? fullRef(cluster.inventory.owner, 'group');
  const system = fullRef(spec.system, 'system');
  const nodes = cluster.nodePools.reduce(
    (sum, pool) => sum + Math.max(0, pool.count),
    0,
  );
  return {
    ...(owner ? { owner } : {}),
    ...(system ? { system } : {}),
    ...(components.length > 0 ? { components } : {}),
    subscriptionId: cluster.subscriptionId,
    resourceGroup: cluster.resourceGroup,
    region: cluster.location,
    ...(nodes > 0 ? { nodeCount: nodes } : {}),
  };
}
