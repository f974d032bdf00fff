import { sameArmId } from '@aks-network/plugin-aks-network-common';
import {
  armIdKey,
  formatArmResourceId,
  managedClusterId,
  parseArmResourceId,
} from './armResourceId';

const SUB = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-orders`;
const SUBNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-weu/subnets/snet-aks`;

describe('ARM resource ids of the node library', () => {
  it('builds a managed cluster id from its parts', () => {
    expect(managedClusterId(SUB, 'rg-aks', 'aks-orders')).toBe(CLUSTER);
  });

  it('formats what it parses', () => {
    for (const id of [CLUSTER, SUBNET]) {
      expect(formatArmResourceId(parseArmResourceId(id)!)).toBe(id);
    }
    expect(formatArmResourceId(parseArmResourceId(`${SUBNET}/`)!)).toBe(SUBNET);
  });

  it('keys ids by the same normalisation as sameArmId, without surrounding spaces', () => {
    const variant = ` ${CLUSTER.toUpperCase()}/ `;
    expect(armIdKey(variant)).toBe(armIdKey(CLUSTER));
    expect(sameArmId(variant.trim(), CLUSTER)).toBe(true);
    expect(armIdKey(CLUSTER)).toBe(CLUSTER.toLowerCase());
  });
});
