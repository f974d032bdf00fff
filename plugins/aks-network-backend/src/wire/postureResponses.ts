import type { EntityPosture } from '@aks-network/plugin-aks-network-common';
import type { EntityPostureResult } from '../model';
import { toApiCluster, toApiLastSync } from './clusterResponses';

/** An entity's posture as `GET /posture` returns it. */
export function toApiEntityPosture(result: EntityPostureResult): EntityPosture {
  return {
    entityRef: result.entityRef,
    clusters: result.clusters.map(posture => ({
      ...posture,
      cluster: toApiCluster(posture.cluster),
    })),
    unresolved: result.unresolved,
    lastSync: toApiLastSync(result.lastSync),
  };
}
