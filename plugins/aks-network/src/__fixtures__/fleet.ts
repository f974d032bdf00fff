import {
  ApiAddressPoolWithCapacity,
  ApiSubscription,
  assessClusterPosture,
  ClusterRecord,
  clusterFleetFigures,
  FleetCluster,
  FleetClusterPage,
  FleetSummary,
  LastSync,
} from '@aks-network/plugin-aks-network-common';
import { apiCluster, SUB } from './clusters';

/*
 * The fleet as the backend answers it: rows whose figures common derives from the
 * same records the cards' fixtures use (the page shows what the backend computes; it
 * does not judge), totals, address pools and subscriptions.
 */

export const FLEET_NOW = '2026-12-01T09:00:00.000Z';

export const LAST_SYNC: LastSync = {
  status: 'succeeded',
  complete: true,
  startedAt: '2026-12-01T08:59:00.000Z',
  finishedAt: FLEET_NOW,
};

/** One row of the fleet table for a cluster record. */
export function fleetCluster(
  clusterRecord: ClusterRecord,
  overrides: Partial<FleetCluster> = {},
): FleetCluster {
  const { inventory } = apiCluster(clusterRecord);
  const posture = assessClusterPosture(clusterRecord, {
    now: new Date(FLEET_NOW),
  });
  return {
    id: clusterRecord.id,
    name: clusterRecord.name,
    entityRef: `resource:default/${clusterRecord.name}-0a1b2c3d`,
    subscriptionId: clusterRecord.subscriptionId,
    resourceGroup: clusterRecord.resourceGroup,
    region: clusterRecord.location,
    owner: inventory.owner,
    networkModel: inventory.networkModel,
    dataplane: inventory.dataplane,
    figures: clusterFleetFigures(clusterRecord, posture),
    stale: null,
    lastSeenAt: FLEET_NOW,
    ...overrides,
  };
}

export function fleetPage(
  items: FleetCluster[],
  totalCount = items.length,
): FleetClusterPage {
  return { items, totalCount, lastSync: LAST_SYNC };
}

/** Totals of a fleet of 42 clusters; every figure differs so a test can tell them apart. */
export function fleetSummary(
  overrides: Partial<FleetSummary> = {},
): FleetSummary {
  return {
    clusterCount: 42,
    byModel: {
      'azure-cni-overlay': 21,
      'azure-cni-pod-subnet': 5,
      'azure-cni-node-subnet': 9,
      kubenet: 4,
      'byo-cni': 2,
      unknown: 1,
    },
    vnetIpsSavedByOverlay: 12345,
    failing: {
      egressIngressMonitored: 7,
      samePodToPodVisible: 18,
      historyKept: 11,
    },
    unknown: {
      egressIngressMonitored: 3,
      samePodToPodVisible: 2,
      historyKept: 4,
    },
    // 12 clusters of 10 nodes: 120 × $0.025 × 730 h.
    closeSameNodeGap: { clusters: 12, acnsMonthlyCostUsd: 2190 },
    sameNodeGapWithoutAcns: 6,
    retiring: { kubenet: 4, nsgFlowLogs: 3 },
    stale: 2,
    lastSync: LAST_SYNC,
    ...overrides,
  };
}

/** The totals of an inventory no sync has filled yet. */
export function emptyFleetSummary(
  lastSync: LastSync | null = LAST_SYNC,
): FleetSummary {
  return fleetSummary({
    clusterCount: 0,
    byModel: {
      'azure-cni-overlay': 0,
      'azure-cni-pod-subnet': 0,
      'azure-cni-node-subnet': 0,
      kubenet: 0,
      'byo-cni': 0,
      unknown: 0,
    },
    vnetIpsSavedByOverlay: 0,
    failing: {
      egressIngressMonitored: 0,
      samePodToPodVisible: 0,
      historyKept: 0,
    },
    closeSameNodeGap: { clusters: 0, acnsMonthlyCostUsd: 0 },
    sameNodeGapWithoutAcns: 0,
    retiring: { kubenet: 0, nsgFlowLogs: 0 },
    stale: 0,
    lastSync,
  });
}

/** An address pool of /27 node subnets with its capacity as the backend counts it. */
export function addressPool(
  id: string,
  capacity: ApiAddressPoolWithCapacity['capacity'],
  overrides: Partial<ApiAddressPoolWithCapacity> = {},
): ApiAddressPoolWithCapacity {
  return {
    id,
    subscriptionId: SUB,
    resourceGroup: `rg-network-${id}`,
    vnetName: `vnet-${id}`,
    region: 'westeurope',
    range: '10.240.16.0/20',
    subnetPrefix: 27,
    createdAt: FLEET_NOW,
    updatedAt: FLEET_NOW,
    ...(capacity ? { capacity } : {}),
    ...overrides,
  };
}

export function subscription(
  subscriptionId: string,
  displayName: string | null,
  overrides: Partial<ApiSubscription> = {},
): ApiSubscription {
  return {
    subscriptionId,
    displayName,
    status: 'succeeded',
    error: null,
    clusterCount: 1,
    lastReadAt: FLEET_NOW,
    lastSucceededAt: FLEET_NOW,
    ...overrides,
  };
}
