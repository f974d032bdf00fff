import {
  AKS_ANNOTATIONS,
  AKS_CLUSTER_ENTITY_TYPE,
} from '@aks-network/plugin-aks-network-common';
import {
  Entity,
  parseEntityRef,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';

const AZURE_RESOURCE_ID_ANNOTATION = AKS_ANNOTATIONS.resourceId;
const AKS_CLUSTERS_ANNOTATION = AKS_ANNOTATIONS.clusters;

/**
 * Where an entity's clusters are named: ARM ids given directly, and refs of cluster
 * entities whose ARM id is on the entity itself.
 */
export interface EntityClusterLinks {
  armIds: string[];
  /** Resources the entity depends on: clusters among them, and other resources. */
  dependsOnRefs: string[];
  /** Entity refs named in the annotation: each must be a cluster entity. */
  annotatedRefs: string[];
  /** Annotation entries that are neither an ARM id nor an entity ref. */
  invalid: string[];
}

/** True for a `Resource` of type `kubernetes-cluster`. */
export function isClusterEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === AKS_CLUSTER_ENTITY_TYPE
  );
}

/** The ARM id of a cluster entity, when it carries one. */
export function clusterEntityArmId(entity: Entity): string | undefined {
  if (!isClusterEntity(entity)) {
    return undefined;
  }
  return (
    entity.metadata.annotations?.[AZURE_RESOURCE_ID_ANNOTATION]?.trim() ||
    undefined
  );
}

/**
 * The clusters an entity is linked to. A cluster entity is linked to itself. Others
 * through the catalog: the cluster entity's `spec.dependencyOf` (or the component's own
 * `spec.dependsOn`) gives the component a `dependsOn` relation to it; and through the
 * `aks.azure.com/clusters` annotation.
 */
export function entityClusterLinks(entity: Entity): EntityClusterLinks {
  const armIds: string[] = [];
  const dependsOnRefs: string[] = [];
  const annotatedRefs: string[] = [];
  const invalid: string[] = [];
  const own = clusterEntityArmId(entity);
  if (own) {
    armIds.push(own);
  }
  for (const relation of entity.relations ?? []) {
    if (
      relation.type === RELATION_DEPENDS_ON &&
      relation.targetRef.startsWith('resource:')
    ) {
      dependsOnRefs.push(relation.targetRef);
    }
  }
  const annotation = entity.metadata.annotations?.[AKS_CLUSTERS_ANNOTATION];
  for (const raw of (annotation ?? '').split(',')) {
    const item = raw.trim();
    if (!item) {
      continue;
    }
    if (item.toLowerCase().startsWith('/subscriptions/')) {
      armIds.push(item);
      continue;
    }
    try {
      annotatedRefs.push(
        stringifyEntityRef(
          parseEntityRef(item, {
            defaultKind: 'resource',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        ),
      );
    } catch {
      invalid.push(item);
    }
  }
  return {
    armIds: unique(armIds),
    dependsOnRefs: unique(dependsOnRefs),
    annotatedRefs: unique(annotatedRefs),
    invalid,
  };
}

/** Case-insensitive de-duplication (ARM ids and entity refs both compare that way). */
function unique(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const key = value.toLowerCase();
    if (!seen.has(key)) {
      seen.set(key, value);
    }
  }
  return [...seen.values()];
}
