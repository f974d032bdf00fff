import { ClusterRecord } from '../cluster';
import {
  classifyClusterRecord,
  classifyNetworkModel,
} from './classifyNetworkModel';

describe('classifyNetworkModel', () => {
  it.each([
    [
      'overlay',
      {
        networkProfile: {
          networkPlugin: 'azure',
          networkPluginMode: 'overlay',
        },
      },
      'azure-cni-overlay',
      'azure',
    ],
    [
      'overlay powered by Cilium',
      {
        networkProfile: {
          networkPlugin: 'azure',
          networkPluginMode: 'overlay',
          networkDataplane: 'cilium',
        },
      },
      'azure-cni-overlay',
      'cilium',
    ],
    [
      'pod subnet',
      {
        networkProfile: { networkPlugin: 'azure' },
        agentPoolProfiles: [
          { name: 'system' },
          {
            name: 'user',
            podSubnetID:
              '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pods',
          },
        ],
      },
      'azure-cni-pod-subnet',
      'azure',
    ],
    [
      'pod subnet with Cilium',
      {
        networkProfile: { networkPlugin: 'azure', networkDataplane: 'cilium' },
        agentPoolProfiles: [{ podSubnetID: '/x/subnets/pods' }],
      },
      'azure-cni-pod-subnet',
      'cilium',
    ],
    [
      'flat node subnet',
      {
        networkProfile: { networkPlugin: 'azure' },
        agentPoolProfiles: [{ name: 'a', podSubnetID: '' }],
      },
      'azure-cni-node-subnet',
      'azure',
    ],
    [
      'kubenet',
      { networkProfile: { networkPlugin: 'kubenet' } },
      'kubenet',
      null,
    ],
    [
      "kubenet, even where ARM writes networkDataplane 'azure'",
      {
        networkProfile: { networkPlugin: 'kubenet', networkDataplane: 'azure' },
      },
      'kubenet',
      null,
    ],
    [
      'bring your own CNI',
      { networkProfile: { networkPlugin: 'none' } },
      'byo-cni',
      null,
    ],
    [
      'a flat cluster migrated in place',
      {
        networkProfile: {
          networkPlugin: 'azure',
          networkPluginMode: 'overlay',
          podCidr: '100.64.0.0/10',
        },
        agentPoolProfiles: [
          { name: 'system', maxPods: 30, vnetSubnetID: '/x/subnets/nodes' },
        ],
      },
      'azure-cni-overlay',
      'azure',
    ],
    [
      'a full ARM resource with ARM casing',
      {
        id: '/x',
        properties: {
          networkProfile: {
            networkPlugin: 'Azure',
            networkPluginMode: 'Overlay',
            networkDataplane: 'Cilium',
          },
        },
      },
      'azure-cni-overlay',
      'cilium',
    ],
  ])('classifies %s', (_, cluster, model, dataplane) => {
    expect(classifyNetworkModel(cluster)).toEqual({
      known: true,
      model,
      dataplane,
      reason: expect.any(String),
    });
  });

  it.each([
    ['nothing', undefined, 'not an object'],
    ['a number', 42, 'not an object'],
    ['no networkProfile', {}, 'no networkProfile'],
    ['a null networkProfile', { networkProfile: null }, 'no networkProfile'],
    ['no plugin', { networkProfile: {} }, 'networkPlugin is missing'],
    [
      'an unknown plugin',
      { networkProfile: { networkPlugin: 'flannel' } },
      "'flannel'",
    ],
    [
      'a plugin that is a number',
      { networkProfile: { networkPlugin: 7 } },
      'a number',
    ],
    [
      'an unknown mode',
      {
        networkProfile: {
          networkPlugin: 'azure',
          networkPluginMode: 'underlay',
        },
      },
      "'underlay'",
    ],
    [
      'an unknown dataplane',
      { networkProfile: { networkPlugin: 'azure', networkDataplane: 'ebpf' } },
      "'ebpf'",
    ],
    [
      'Cilium under kubenet (Cilium runs only with networkPlugin azure)',
      {
        networkProfile: {
          networkPlugin: 'kubenet',
          networkDataplane: 'cilium',
        },
      },
      "only with networkPlugin 'azure'",
    ],
    [
      'Cilium under a BYO CNI',
      { networkProfile: { networkPlugin: 'none', networkDataplane: 'cilium' } },
      "'cilium' with networkPlugin 'none'",
    ],
  ])('gives a clear result, not a throw, for %s', (_, cluster, reason) => {
    const result = classifyNetworkModel(cluster);
    expect(result.known).toBe(false);
    expect(result.known ? '' : result.reason).toContain(reason);
  });

  it('classifies an inventory record', () => {
    const record = {
      networkProfile: { networkPlugin: 'azure' },
      nodePools: [
        {
          name: 'user',
          count: 1,
          vmSize: 'x',
          maxPods: 30,
          mode: 'User',
          podSubnetId: '/x/subnets/pods',
        },
      ],
    } as Partial<ClusterRecord> as ClusterRecord;
    expect(classifyClusterRecord(record)).toMatchObject({
      known: true,
      model: 'azure-cni-pod-subnet',
    });
  });
});
