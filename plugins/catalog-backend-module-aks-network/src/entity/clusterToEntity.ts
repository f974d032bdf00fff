import {
  AKS_CLUSTER_ENTITY_TYPE,
  ClusterRecord,
  NetworkModel,
  classifyClusterRecord,
  describeUnreadPart,
} from '@aks-network/plugin-aks-network-common';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ResourceEntity,
} from '@backstage/catalog-model';
import { AKS_ANNOTATIONS, KUBERNETES_ANNOTATIONS } from './annotations';
import {
  DEFAULT_AZURE_PORTAL_BASE_URL,
  azurePortalResourceUrl,
  clusterEntityName,
} from '@aks-network/plugin-aks-network-node';
import { clusterApiServer } from './ClusterApiServer';
import { readEntityRef } from '@aks-network/plugin-aks-network-common';

/**
 * How {@link clusterToEntity} reads tags and names the entity's location.
 *
 * @public
 */
export interface ClusterEntityOptions {
  /** The tag holding the owner (`team-a`, `group:team-a`, `user:default/jdoe`). */
  ownerTag: string;
  /** The owner when the tag is missing or not a valid reference. Must be valid. */
  defaultOwner: string;
  /** The tag holding the system (`payments`, `system:default/payments`). */
  systemTag?: string;
  /** The tag holding the components that run on the cluster, comma-separated. */
  componentTag?: string;
  /** Names the provider in `backstage.io/managed-by-location`: `aks-network:<key>`. */
  locationKey: string;
  /** Azure portal host; differs for sovereign clouds. */
  portalBaseUrl?: string;
  /**
   * How the Kubernetes plugin signs in to the cluster: `aks` (the browser sends the
   * user's Microsoft Entra ID token; the default) or `azure` (the backend's own Azure
   * identity, server-side).
   */
  kubernetesAuthProvider?: 'aks' | 'azure';
}

/** Human names for the entity description. */
const MODEL_TITLES: Record<NetworkModel, string> = {
  'azure-cni-overlay': 'Azure CNI Overlay',
  'azure-cni-pod-subnet': 'Azure CNI pod subnet',
  'azure-cni-node-subnet': 'Azure CNI node subnet (flat)',
  kubenet: 'kubenet',
  'byo-cni': 'bring your own CNI',
};

/** The tag value, looked up without regard to case: ARM keeps tag keys as typed. */
function tagValue(
  tags: Record<string, string>,
  key: string | undefined,
): string | undefined {
  if (!key) {
    return undefined;
  }
  const wanted = key.toLowerCase();
  const found = Object.keys(tags).find(k => k.toLowerCase() === wanted);
  return found === undefined ? undefined : tags[found];
}

/**
 * The catalog entity of one AKS cluster: a `Resource` of type `kubernetes-cluster`
 * with the annotations of the entity contract (docs/domain.md#entity-contract) and those the Kubernetes plugin's
 * catalog cluster locator reads.
 *
 * Components are linked with `spec.dependencyOf` on the cluster. The seed design words it as
 * "`spec.dependsOn` on the cluster entity", but in the catalog `A dependsOn B` means A
 * needs B: a cluster that `dependsOn` a component would claim to need the component.
 * A component runs on (depends on) its cluster, so the cluster is a `dependencyOf` the
 * component; the catalog then also adds the inverse `dependsOn` relation to the
 * component, so the component page lists its clusters under "depends on".
 *
 * @public
 */
export function clusterToEntity(
  record: ClusterRecord,
  options: ClusterEntityOptions,
): ResourceEntity {
  const problems: string[] = [];
  const tags = record.tags ?? {};

  let owner = options.defaultOwner;
  const ownerText = tagValue(tags, options.ownerTag);
  if (ownerText !== undefined) {
    const read = readEntityRef(ownerText, 'group', ['group', 'user']);
    if (read.ok) {
      owner = read.ref;
    } else {
      problems.push(
        `tag '${options.ownerTag}' ${read.problem}; owner is the default ${options.defaultOwner}`,
      );
    }
  }

  let system: string | undefined;
  const systemText = tagValue(tags, options.systemTag);
  if (systemText !== undefined) {
    const read = readEntityRef(systemText, 'system', ['system']);
    if (read.ok) {
      system = read.ref;
    } else {
      problems.push(
        `tag '${options.systemTag}' ${read.problem}; no system set`,
      );
    }
  }

  const components = new Set<string>();
  const componentText = tagValue(tags, options.componentTag);
  for (const item of componentText?.split(',') ?? []) {
    if (item.trim() === '') {
      continue;
    }
    const read = readEntityRef(item, 'component', ['component']);
    if (read.ok) {
      components.add(read.ref);
    } else {
      problems.push(
        `tag '${options.componentTag}' item ${read.problem}; skipped`,
      );
    }
  }

  const classification = classifyClusterRecord(record);
  const location = `aks-network:${options.locationKey}`;
  const annotations: Record<string, string> = {
    [ANNOTATION_LOCATION]: location,
    [ANNOTATION_ORIGIN_LOCATION]: location,
    [AKS_ANNOTATIONS.resourceId]: record.id,
    [AKS_ANNOTATIONS.subscriptionId]: record.subscriptionId,
    [AKS_ANNOTATIONS.resourceGroup]: record.resourceGroup,
    [AKS_ANNOTATIONS.region]: record.location,
    // How the Kubernetes plugin signs in: by default with the user's Entra ID token.
    [KUBERNETES_ANNOTATIONS.authProvider]:
      options.kubernetesAuthProvider ?? 'aks',
    // Its AKS formatter builds portal links from these three parameters.
    [KUBERNETES_ANNOTATIONS.dashboardApp]: 'aks',
    [KUBERNETES_ANNOTATIONS.dashboardParameters]: JSON.stringify({
      subscriptionId: record.subscriptionId,
      resourceGroup: record.resourceGroup,
      clusterName: record.name,
    }),
  };
  if (classification.known) {
    annotations[AKS_ANNOTATIONS.networkModel] = classification.model;
    // Absent for kubenet and a BYO CNI, which have no Azure dataplane.
    if (classification.dataplane) {
      annotations[AKS_ANNOTATIONS.networkDataplane] = classification.dataplane;
    }
  } else {
    annotations[AKS_ANNOTATIONS.networkModelUnknown] = classification.reason;
  }
  const apiServer = clusterApiServer(record);
  if (apiServer.url) {
    annotations[KUBERNETES_ANNOTATIONS.apiServer] = apiServer.url;
  }
  if (apiServer.certificateAuthority) {
    annotations[KUBERNETES_ANNOTATIONS.apiServerCertificateAuthority] =
      apiServer.certificateAuthority;
  }
  if (problems.length > 0) {
    annotations[AKS_ANNOTATIONS.tagProblems] = problems.join('\n');
  }
  if (record.unread?.length) {
    annotations[AKS_ANNOTATIONS.networkUnread] = record.unread
      .map(describeUnreadPart)
      .join('\n');
  }

  const modelText = classification.known
    ? `${MODEL_TITLES[classification.model]}${
        classification.dataplane === 'cilium' ? ' powered by Cilium' : ''
      }`
    : 'unknown network model';

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: clusterEntityName(record),
      title: record.name,
      description: `AKS cluster in ${record.location}, ${modelText}.`,
      annotations,
      links: [
        {
          url: azurePortalResourceUrl(
            options.portalBaseUrl ?? DEFAULT_AZURE_PORTAL_BASE_URL,
            record.id,
          ),
          title: 'Azure portal',
          icon: 'cloud',
        },
      ],
    },
    spec: {
      type: AKS_CLUSTER_ENTITY_TYPE,
      owner,
      ...(system ? { system } : {}),
      ...(components.size > 0 ? { dependencyOf: [...components] } : {}),
    },
  };
}
