import {
  DEFAULT_POD_CIDR,
  DOMAIN_FACTS,
  IN_PLACE_MIGRATION_MIN_KUBERNETES_VERSION,
} from '../facts';
import { isAtLeastVersion } from './KubernetesVersion';
import { PostureContext } from './PostureContext';
import { PostureFinding } from './PostureFinding';

/**
 * In-place migration path for flat clusters (docs/domain.md#in-place-migration: "Flat → overlay in place is now GA
 * … one-way, reimages every pool, needs k8s ≥ 1.27 and no network policy"). Warns either
 * way: a flat cluster should move; the detail says whether it can move in place or why
 * not. Only flat Azure CNI clusters get this check.
 */
export function inPlaceMigrationCheck(
  context: PostureContext,
): PostureFinding | undefined {
  if (context.model !== 'azure-cni-node-subnet') {
    return undefined;
  }
  const { cluster } = context;
  const { major, minor } = IN_PLACE_MIGRATION_MIN_KUBERNETES_VERSION;
  const blockers: string[] = [];
  const versionOk = isAtLeastVersion(
    cluster.kubernetesVersion,
    IN_PLACE_MIGRATION_MIN_KUBERNETES_VERSION,
  );
  if (versionOk !== true) {
    blockers.push(
      versionOk === undefined
        ? `the Kubernetes version (${
            cluster.kubernetesVersion ?? 'unknown'
          }) cannot be read`
        : `Kubernetes ${cluster.kubernetesVersion} is older than ${major}.${minor}`,
    );
  }
  const policy = cluster.networkProfile.networkPolicy?.trim().toLowerCase();
  if (policy !== undefined && policy !== '' && policy !== 'none') {
    blockers.push(
      `network policy '${cluster.networkProfile.networkPolicy}' is enabled`,
    );
  }
  const base = {
    id: 'in-place-overlay-migration',
    status: 'warn' as const,
    fact: DOMAIN_FACTS.inPlaceMigration,
  };
  if (blockers.length === 0) {
    return {
      ...base,
      title: 'Flat Azure CNI: in-place migration to overlay is available',
      detail: `Kubernetes ${cluster.kubernetesVersion} and no network policy: the cluster can move to overlay in place. The move is one-way and reimages every node pool.`,
      remediation: `az aks update --resource-group ${cluster.resourceGroup} --name ${cluster.name} --network-plugin-mode overlay --pod-cidr ${DEFAULT_POD_CIDR} (pick a pod CIDR that overlaps neither the VNet nor peered ranges).`,
    };
  }
  return {
    ...base,
    title: 'Flat Azure CNI: in-place migration to overlay is not available',
    detail: `The cluster cannot move to overlay in place: ${blockers.join(
      '; ',
    )}.`,
    remediation: `Upgrade to Kubernetes ${major}.${minor} or later and remove the network policy, or request a new overlay cluster and move the workloads.`,
  };
}
