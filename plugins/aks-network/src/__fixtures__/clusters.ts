import {
  ApiCluster,
  assessClusterPosture,
  ClusterLink,
  ClusterRecord,
  classifyClusterRecord,
  EntityPosture,
  EntityPostureCluster,
} from '@aks-network/plugin-aks-network-common';

/*
 * Clusters of every network model, shaped as the backend answers them: records the
 * inventory would hold, assessed by common's posture rules (the card shows what the
 * backend computes; it does not judge).
 */

export const SUB = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const RG = `/subscriptions/${SUB}/resourceGroups`;
const VNET = `${RG}/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-weu`;
const NOW = '2026-12-01T09:00:00.000Z';

type Model = 'overlay' | 'cilium' | 'flat' | 'podSubnet' | 'kubenet' | 'byo';

const PROFILES: Record<Model, ClusterRecord['networkProfile']> = {
  overlay: {
    networkPlugin: 'azure',
    networkPluginMode: 'overlay',
    podCidr: '10.244.0.0/16',
    serviceCidr: '10.0.0.0/16',
    dnsServiceIp: '10.0.0.10',
  },
  cilium: {
    networkPlugin: 'azure',
    networkPluginMode: 'overlay',
    networkDataplane: 'cilium',
    networkPolicy: 'cilium',
    podCidr: '10.244.0.0/16',
  },
  flat: { networkPlugin: 'azure', serviceCidr: '10.0.0.0/16' },
  podSubnet: { networkPlugin: 'azure' },
  kubenet: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' },
  byo: { networkPlugin: 'none' },
};

/** A cluster record of a model, on a subnet of the given size and use. */
export function record(
  model: Model,
  overrides: Partial<ClusterRecord> = {},
  subnet: { prefix: string; used?: number; limit?: number } = {
    prefix: '10.240.0.0/27',
    used: 3,
    limit: 27,
  },
): ClusterRecord {
  const name = overrides.name ?? `aks-${model.toLowerCase()}-weu`;
  const subnetId = `${VNET}/subnets/snet-${name}`;
  return {
    id: `${RG}/rg-aks/providers/Microsoft.ContainerService/managedClusters/${name}`,
    name,
    subscriptionId: SUB,
    resourceGroup: 'rg-aks',
    location: 'westeurope',
    kubernetesVersion: '1.30.4',
    tags: { owner: 'team-payments' },
    provisioningState: 'Succeeded',
    networkProfile: PROFILES[model],
    nodePools: [
      {
        name: 'system',
        count: 3,
        vmSize: 'Standard_D4s_v5',
        maxPods: 30,
        maxSurge: '1',
        vnetSubnetId: model === 'kubenet' ? undefined : subnetId,
        ...(model === 'podSubnet'
          ? { podSubnetId: `${VNET}/subnets/snet-${name}-pods` }
          : {}),
        mode: 'System',
      },
    ],
    nodeSubnets:
      model === 'kubenet'
        ? []
        : [
            {
              id: subnetId,
              name: `snet-${name}`,
              addressPrefix: subnet.prefix,
              ...(subnet.used !== undefined ? { ipUsed: subnet.used } : {}),
              ...(subnet.limit !== undefined ? { ipLimit: subnet.limit } : {}),
            },
          ],
    addons: {
      acns: { enabled: false, observability: false, security: false },
      omsagent: { enabled: false, containerNetworkLogs: false },
    },
    flowLogs: [],
    vnet: { id: VNET, addressSpace: ['10.240.0.0/16'] },
    peeredRanges: [],
    ...(model === 'podSubnet'
      ? {
          podSubnets: [
            {
              id: `${VNET}/subnets/snet-${name}-pods`,
              name: `snet-${name}-pods`,
              addressPrefix: '10.241.0.0/24',
              ipUsed: 90,
              ipLimit: 251,
            },
          ],
        }
      : {}),
    // The pools name no subnet: an AKS-managed VNet, which the reader names unread.
    ...(model === 'kubenet'
      ? {
          unread: [
            {
              part: 'vnet' as const,
              resourceId: `${RG}/MC_rg-aks_${name}_westeurope`,
              error:
                'The node pools name no subnet: the cluster runs on a VNet AKS manages in its node resource group, which the inventory does not read.',
            },
          ],
        }
      : {}),
    ...overrides,
  };
}

/** The record as the API returns it, with its inventory state. */
export function apiCluster(
  clusterRecord: ClusterRecord,
  inventory: Partial<ApiCluster['inventory']> = {},
): ApiCluster {
  const classification = classifyClusterRecord(clusterRecord);
  const model = classification.known ? classification.model : null;
  return {
    ...clusterRecord,
    inventory: {
      networkModel: model,
      // kubenet and a BYO CNI have no Azure dataplane (docs/domain.md#no-azure-dataplane).
      dataplane:
        classification.known && model !== 'kubenet' && model !== 'byo-cni'
          ? classification.dataplane
          : null,
      owner: clusterRecord.tags.owner ?? null,
      stale: null,
      lastSeenAt: NOW,
      updatedAt: NOW,
      ...inventory,
    },
  };
}

/** One cluster of a posture answer: the record assessed by common, with links. */
export function postureCluster(
  clusterRecord: ClusterRecord,
  options: {
    inventory?: Partial<ApiCluster['inventory']>;
    links?: ClusterLink[];
    entityRef?: string | null;
  } = {},
): EntityPostureCluster {
  return {
    entityRef:
      options.entityRef === undefined
        ? `resource:default/${clusterRecord.name}-0a1b2c3d`
        : options.entityRef,
    cluster: apiCluster(clusterRecord, options.inventory),
    posture: assessClusterPosture(clusterRecord, { now: new Date(NOW) }),
    links: options.links ?? [
      {
        kind: 'cluster',
        title: `${clusterRecord.name} in the Azure portal`,
        url: `https://portal.azure.com/#@/resource${clusterRecord.id}/overview`,
        resourceId: clusterRecord.id,
      },
    ],
  };
}

export const FLOW_LOG_ID = `/subscriptions/${SUB}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/nw-weu/flowLogs/fl-vnet-weu`;

/** An overlay cluster watched by a VNet flow log with traffic analytics and ACNS on. */
export function watchedOverlay(): EntityPostureCluster {
  const clusterRecord = record('overlay', {
    name: 'aks-payments-prod-weu',
    addons: {
      acns: { enabled: true, observability: true, security: false },
      omsagent: { enabled: false, containerNetworkLogs: false },
    },
    flowLogs: [
      {
        id: FLOW_LOG_ID,
        kind: 'vnet',
        targetResourceId: VNET,
        enabled: true,
        retentionDays: 90,
        trafficAnalyticsEnabled: true,
        workspaceId: `/subscriptions/${SUB}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-weu`,
      },
    ],
  });
  return postureCluster(clusterRecord, {
    links: [
      {
        kind: 'cluster',
        title: 'aks-payments-prod-weu in the Azure portal',
        url: `https://portal.azure.com/#@/resource${clusterRecord.id}/overview`,
      },
      {
        kind: 'flow-log',
        title: 'VNet flow log fl-vnet-weu on vnet-weu (Network Watcher)',
        url: `https://portal.azure.com/#@/resource${FLOW_LOG_ID}/overview`,
        resourceId: FLOW_LOG_ID,
      },
    ],
  });
}

export function posture(
  clusters: EntityPostureCluster[],
  extra: Partial<EntityPosture> = {},
): EntityPosture {
  return {
    entityRef: 'component:default/payments-api',
    clusters,
    unresolved: [],
    lastSync: {
      status: 'succeeded',
      complete: true,
      startedAt: NOW,
      finishedAt: NOW,
    },
    ...extra,
  };
}

/** A `ResponseError` as common's client throws it for a backend error body. */
export async function responseError(
  status: number,
  name: string,
  message: string,
): Promise<Error> {
  const { ResponseError } = await import('@backstage/errors');
  const body = JSON.stringify({
    error: { name, message },
    request: { method: 'GET', url: '/api/aks-network' },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    status,
    statusText: name,
    ok: false,
    url: '/api/aks-network',
    headers: { get: () => 'application/json' },
    text: async () => body,
  } as never);
}
