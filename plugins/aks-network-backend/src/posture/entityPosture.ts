import {
  AKS_ANNOTATIONS,
  AKS_CLUSTER_ENTITY_TYPE,
  assessClusterPosture,
  UnresolvedClusterLink,
} from '@aks-network/plugin-aks-network-common';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { AksNetworkStore } from '../database/AksNetworkStore';
import { clusterKey } from '../database/clusterRows';
import type {
  EntityClusterPosture,
  EntityPostureResult,
  SyncRun,
} from '../model';
import { clusterLinks } from './clusterLinks';
import {
  clusterEntityArmId,
  entityClusterLinks,
  isClusterEntity,
} from './entityClusterLinks';

/**
 * Reads an entity and the cluster entities it links to from the catalog, with the
 * caller's credentials (so catalog permissions apply as in the UI), then each cluster
 * from the inventory and its posture. A stale cluster is assessed on its last known
 * record, with its `stale` mark (`inventory.stale` in the API) so the caller can say
 * so. The route puts the result in the API's shape (toApiEntityPosture).
 *
 * @throws NotFoundError when the catalog has no such entity (or the caller may not
 * see it).
 */
export async function entityPosture(options: {
  entityRef: string;
  credentials: BackstageCredentials;
  catalog: CatalogService;
  store: AksNetworkStore;
  /** The portal the links open (the configured cloud's). */
  portalBaseUrl: string;
  /** The last sync, read beside the catalog. */
  lastSync: Promise<SyncRun | undefined>;
  now?: Date;
}): Promise<EntityPostureResult> {
  const { catalog, credentials, store } = options;
  const entity = await catalog.getEntityByRef(options.entityRef, {
    credentials,
  });
  if (!entity) {
    throw new NotFoundError(`No entity ${options.entityRef} in the catalog`);
  }
  const links = entityClusterLinks(entity);
  const unresolved: UnresolvedClusterLink[] = links.invalid.map(ref => ({
    ref,
    reason: `${AKS_ANNOTATIONS.clusters} entry is neither an ARM resource id nor an entity ref`,
  }));

  // ARM id → the cluster entity it was found through (null when named directly).
  const targets = new Map<
    string,
    { armId: string; entityRef: string | null }
  >();
  for (const armId of links.armIds) {
    targets.set(armId.toLowerCase(), {
      armId,
      entityRef: isClusterEntity(entity) ? stringifyEntityRef(entity) : null,
    });
  }
  // One lookup per entity even when it is both depended on and annotated.
  const refs = [
    ...new Map(
      [...links.dependsOnRefs, ...links.annotatedRefs].map(ref => [
        ref.toLowerCase(),
        ref,
      ]),
    ).values(),
  ];
  const annotated = new Set(links.annotatedRefs.map(r => r.toLowerCase()));
  const related =
    refs.length > 0
      ? await catalog.getEntitiesByRefs(
          { entityRefs: refs, fields: ['kind', 'metadata', 'spec'] },
          { credentials },
        )
      : { items: [] as Array<Entity | undefined> };
  refs.forEach((ref, index) => {
    const clusterEntity = related.items[index];
    const armId = clusterEntity && clusterEntityArmId(clusterEntity);
    if (armId) {
      if (!targets.has(armId.toLowerCase())) {
        targets.set(armId.toLowerCase(), { armId, entityRef: ref });
      }
      return;
    }
    // A component may depend on resources that are not clusters (a database); only an
    // entry of the annotation must be one.
    if (annotated.has(ref.toLowerCase())) {
      unresolved.push({
        ref,
        reason: clusterEntity
          ? `not a ${AKS_CLUSTER_ENTITY_TYPE} resource with a ${AKS_ANNOTATIONS.resourceId} annotation`
          : 'no such entity in the catalog',
      });
    }
  });

  const clusters: EntityClusterPosture[] = [];
  // One query for all the entity's clusters.
  const stored = new Map(
    (await store.getClusters([...targets.values()].map(t => t.armId))).map(
      cluster => [clusterKey(cluster.record.id), cluster],
    ),
  );
  for (const target of targets.values()) {
    const cluster = stored.get(clusterKey(target.armId));
    if (!cluster) {
      unresolved.push({
        ref: target.entityRef ?? target.armId,
        reason: `cluster ${target.armId} is not in the inventory`,
      });
      continue;
    }
    clusters.push({
      entityRef: target.entityRef,
      cluster,
      posture: assessClusterPosture(cluster.record, { now: options.now }),
      links: clusterLinks(cluster.record, options.portalBaseUrl),
    });
  }
  clusters.sort((a, b) =>
    a.cluster.record.name.localeCompare(b.cluster.record.name),
  );
  return {
    entityRef: stringifyEntityRef(entity),
    clusters,
    unresolved,
    lastSync: await options.lastSync,
  };
}
