import type {
  ApiAddressPoolWithCapacity,
  ApiSubscription,
  PoolPlan,
} from '@aks-network/plugin-aks-network-common';
import { SUB } from './clusters';

/*
 * Subscriptions, address pools and pool plans shaped as the aks-network backend answers
 * them (GET /subscriptions, GET /address-pools?capacity=true, POST
 * /address-pools/{poolId}/plan). The figures are the backend's own for these inputs.
 */

const NOW = '2026-12-01T09:00:00.000Z';

export const SUB_PROD = '7d3c1f0a-2b4e-4c8d-9f1a-3e5b7c9d1f20';
export const SUB_DATA = '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8';
export { SUB };

export function subscription(
  overrides: Partial<ApiSubscription> = {},
): ApiSubscription {
  return {
    subscriptionId: SUB,
    displayName: 'Platform Non-Production',
    status: 'succeeded',
    error: null,
    clusterCount: 4,
    lastReadAt: NOW,
    lastSucceededAt: NOW,
    ...overrides,
  };
}

/** A pool of a /20 range: 128 aligned /27s. */
export function pool(
  id: string,
  overrides: Partial<ApiAddressPoolWithCapacity> = {},
): ApiAddressPoolWithCapacity {
  return {
    id,
    subscriptionId: SUB,
    resourceGroup: 'rg-network',
    vnetName: `vnet-${id}`,
    region: id.endsWith('neu') ? 'northeurope' : 'westeurope',
    range: '10.250.16.0/20',
    subnetPrefix: 27,
    createdAt: NOW,
    updatedAt: NOW,
    capacity: {
      totalSubnets: 128,
      freeSubnets: 12,
      liveReservations: 1,
      readAt: NOW,
    },
    ...overrides,
  };
}

/**
 * The plan of 3 nodes in pool nonprod-weu at the organisation's maxPods 30: the second
 * /27 of the pool (the VNet holds the first), 27 usable IPs of which one stays free for
 * the surge node, a /16 pod CIDR at a /24 a node, and ACNS at 3 × $0.025 × 730 h.
 */
export function validPlan(overrides: Partial<PoolPlan> = {}): PoolPlan {
  return {
    poolId: 'nonprod-weu',
    valid: true,
    cluster: {
      name: 'aks-orders-dev-weu',
      resourceGroup: 'rg-orders',
      region: 'westeurope',
      networkModel: 'azure-cni-overlay',
      networkDataplane: 'azure',
      kubernetesVersion: '1.33',
      nodePoolName: 'system',
      nodeCount: 3,
      vmSize: 'Standard_D4s_v5',
      maxPods: 30,
      acnsObservability: false,
      podCidr: '10.244.0.0/16',
      serviceCidr: '10.0.0.0/16',
      dnsServiceIp: '10.0.0.10',
    },
    pool: {
      id: 'nonprod-weu',
      subscriptionId: SUB,
      resourceGroup: 'rg-network',
      vnetName: 'vnet-nonprod-weu',
      region: 'westeurope',
      range: '10.250.16.0/20',
      subnetPrefix: 27,
      createdAt: NOW,
      updatedAt: NOW,
    },
    vnet: { name: 'vnet-nonprod-weu', addressSpace: ['10.250.0.0/16'] },
    nodeSubnet: {
      name: 'snet-aks-aks-orders-dev-weu',
      cidr: '10.250.16.32/27',
      prefix: 27,
      usableIps: 27,
      maxNodes: 26,
    },
    surgeNodes: 1,
    podCidr: { cidr: '10.244.0.0/16', maxNodes: 256 },
    podCapacity: 90,
    vnetIpsSavedVsFlat: 120,
    acnsMonthlyCostUsd: 54.75,
    findings: [],
    ...overrides,
  };
}

/** 60 nodes against the policy's 1–50: refused, with the figures still worked out. */
export function nodeCountRefusedPlan(): PoolPlan {
  const plan = validPlan();
  return {
    ...plan,
    valid: false,
    cluster: { ...plan.cluster, nodeCount: 60, kubernetesVersion: '1.32' },
    nodeSubnet: {
      name: 'snet-aks-aks-orders-dev-weu',
      cidr: '10.250.16.128/25',
      prefix: 25,
      usableIps: 123,
      maxNodes: 122,
    },
    podCapacity: 1800,
    vnetIpsSavedVsFlat: 1830,
    acnsMonthlyCostUsd: 1095,
    findings: [
      {
        field: 'nodeCount',
        severity: 'error',
        rule: 'policy-node-count',
        message:
          '60 is outside the allowed range 1–50 (aksNetwork.clusterPolicy.nodeCount)',
      },
      {
        field: 'kubernetesVersion',
        severity: 'warning',
        rule: 'kubernetes-version-support',
        message: "'1.32' leaves standard support within 90 days",
      },
    ],
  };
}
