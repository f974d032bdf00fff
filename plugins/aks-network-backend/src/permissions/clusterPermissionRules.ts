import { createPermissionRule } from '@backstage/plugin-permission-node';
import { listParams } from './listParams';
import { ownedByClaims } from './ownerClaims';
import { aksClusterResourceRef } from './resourceRefs';

/**
 * Allow when the cluster's owner tag names one of the given refs (read as the catalog
 * reads it: `team-a` is `group:default/team-a`).
 *
 * @public
 */
export const isClusterOwner = createPermissionRule({
  name: 'IS_CLUSTER_OWNER',
  description:
    'Allow clusters whose owner tag names one of the given entity refs (the caller and their groups)',
  resourceRef: aksClusterResourceRef,
  paramsSchema: listParams(
    'claims',
    'Entity refs of the caller: their user and their groups',
  ),
  apply: (cluster, { claims }) => ownedByClaims(cluster.owner, claims),
  toQuery: ({ claims }) => ({ field: 'owner', values: claims }),
});

/**
 * Allow clusters of the given network models (`azure-cni-overlay`, `kubenet`, …).
 *
 * @public
 */
export const hasNetworkModel = createPermissionRule({
  name: 'HAS_NETWORK_MODEL',
  description: 'Allow clusters of one of the given network models',
  resourceRef: aksClusterResourceRef,
  paramsSchema: listParams(
    'models',
    'Network models, e.g. azure-cni-overlay or kubenet',
  ),
  apply: (cluster, { models }) =>
    cluster.networkModel !== null && models.includes(cluster.networkModel),
  toQuery: ({ models }) => ({ field: 'networkModel', values: models }),
});

/** @public */
export const aksClusterPermissionRules = { isClusterOwner, hasNetworkModel };
