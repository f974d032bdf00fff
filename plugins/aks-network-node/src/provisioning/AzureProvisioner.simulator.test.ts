import {
  ArmSimulator,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
import { classifyClusterRecord } from '@aks-network/plugin-aks-network-common';
import {
  inventoryFleet,
  SUB_A,
} from '../inventory/__testUtils__/inventoryFleet';
import { simulatorClients } from '../inventory/__testUtils__/simulatorClients';
import {
  AzureOperationError,
  AzureOperationTimeoutError,
} from './AzureOperationError';
import {
  AzureProvisioner,
  CreateOverlayClusterRequest,
} from './AzureProvisioner';
import { OperationProgress } from './pollWithProgress';

const VNET = `/subscriptions/${SUB_A}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-weu`;
const NSG = `/subscriptions/${SUB_A}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-aks`;

/** Rejection value of a promise that must reject. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('AzureProvisioner against the ARM simulator', () => {
  let simulator: ArmSimulator;
  let provisioner: AzureProvisioner;

  beforeAll(async () => {
    simulator = await startArmSimulator({
      fleet: inventoryFleet(),
      operationDurationMs: 300,
    });
    provisioner = new AzureProvisioner(simulatorClients(simulator), {
      pollIntervalMs: 50,
    });
  });

  afterAll(async () => {
    await simulator?.close();
  });

  beforeEach(() => {
    simulator.reset();
  });

  function clusterRequest(
    overrides: Partial<CreateOverlayClusterRequest> = {},
  ): CreateOverlayClusterRequest {
    return {
      subscriptionId: SUB_A,
      resourceGroup: 'rg-aks',
      name: 'aks-new',
      location: 'westeurope',
      nodeSubnetId: `${VNET}/subnets/snet-byo`,
      podCidr: '10.244.0.0/16',
      serviceCidr: '10.0.0.0/16',
      dnsServiceIp: '10.0.0.10',
      nodePool: {
        name: 'system',
        count: 3,
        vmSize: 'Standard_D4s_v5',
        maxPods: 30,
        maxSurge: '33%',
      },
      tags: { owner: 'team-payments', component: 'payments-api' },
      timeoutMs: 20_000,
      ...overrides,
    };
  }

  it('creates a subnet to Succeeded and finds it again', async () => {
    const progress: OperationProgress[] = [];
    const subnet = await provisioner.createSubnet({
      subscriptionId: SUB_A,
      resourceGroup: 'rg-net',
      vnetName: 'vnet-weu',
      subnetName: 'snet-new',
      addressPrefix: '10.240.5.0/27',
      nsgId: NSG,
      timeoutMs: 20_000,
      onProgress: p => progress.push(p),
    });

    expect(subnet).toMatchObject({
      name: 'snet-new',
      addressPrefix: '10.240.5.0/27',
      provisioningState: 'Succeeded',
    });
    expect(subnet.id.toLowerCase()).toBe(
      `${VNET}/subnets/snet-new`.toLowerCase(),
    );
    expect(subnet.nsgId?.toLowerCase()).toBe(NSG.toLowerCase());
    expect(progress[0]).toMatchObject({
      step: 'createSubnet',
      state: 'submitting',
    });
    expect(progress[progress.length - 1].state).toBe('succeeded');

    await expect(
      provisioner.getSubnet({
        subscriptionId: SUB_A,
        resourceGroup: 'rg-net',
        vnetName: 'vnet-weu',
        subnetName: 'snet-new',
      }),
    ).resolves.toMatchObject({ addressPrefix: '10.240.5.0/27' });
  });

  it('creates an overlay cluster with ACNS observability to Succeeded', async () => {
    const progress: OperationProgress[] = [];
    const cluster = await provisioner.createOverlayCluster(
      clusterRequest({
        acnsObservability: true,
        onProgress: p => progress.push(p),
      }),
    );

    expect(cluster).toMatchObject({
      name: 'aks-new',
      subscriptionId: SUB_A,
      resourceGroup: 'rg-aks',
      provisioningState: 'Succeeded',
      tags: { owner: 'team-payments', component: 'payments-api' },
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        podCidr: '10.244.0.0/16',
        serviceCidr: '10.0.0.0/16',
        dnsServiceIp: '10.0.0.10',
      },
      addons: { acns: { enabled: true, observability: true } },
    });
    expect(cluster.nodePools[0]).toMatchObject({
      count: 3,
      maxPods: 30,
      maxSurge: '33%',
      mode: 'System',
    });
    expect(classifyClusterRecord(cluster)).toMatchObject({
      model: 'azure-cni-overlay',
    });
    expect(progress.map(p => p.state)).toEqual(
      expect.arrayContaining(['submitting', 'running', 'succeeded']),
    );

    // What ARM stored: a system-assigned identity and a standard load balancer.
    const stored = simulator.state.resource(cluster.id);
    expect(stored).toMatchObject({
      identity: { type: 'SystemAssigned' },
      properties: {
        dnsPrefix: 'aks-new',
        networkProfile: { loadBalancerSku: 'standard' },
      },
    });

    await expect(
      provisioner.getCluster({
        subscriptionId: SUB_A,
        resourceGroup: 'rg-aks',
        name: 'aks-new',
      }),
    ).resolves.toMatchObject({
      id: cluster.id,
      provisioningState: 'Succeeded',
    });
  });

  it('returns undefined for a subnet or cluster that does not exist', async () => {
    await expect(
      provisioner.getCluster({
        subscriptionId: SUB_A,
        resourceGroup: 'rg-aks',
        name: 'aks-missing',
      }),
    ).resolves.toBeUndefined();
    await expect(
      provisioner.getSubnet({
        subscriptionId: SUB_A,
        resourceGroup: 'rg-net',
        vnetName: 'vnet-weu',
        subnetName: 'snet-missing',
      }),
    ).resolves.toBeUndefined();
  });

  it('looks a cluster up, telling a missing cluster from a missing resource group or subscription', async () => {
    await provisioner.createOverlayCluster(
      clusterRequest({ name: 'aks-seen' }),
    );
    await expect(
      provisioner.lookUpCluster({
        subscriptionId: SUB_A,
        resourceGroup: 'rg-aks',
        name: 'aks-seen',
      }),
    ).resolves.toMatchObject({
      found: true,
      cluster: { name: 'aks-seen', tags: { owner: 'team-payments' } },
    });
    await expect(
      provisioner.lookUpCluster({
        subscriptionId: SUB_A,
        resourceGroup: 'rg-aks',
        name: 'aks-unseen',
      }),
    ).resolves.toEqual({ found: false, missing: 'cluster' });
    await expect(
      provisioner.lookUpCluster({
        subscriptionId: SUB_A,
        resourceGroup: 'rg-nowhere',
        name: 'aks-seen',
      }),
    ).resolves.toEqual({ found: false, missing: 'resourceGroup' });
    await expect(
      provisioner.lookUpCluster({
        subscriptionId: '00000000-0000-4000-8000-000000000000',
        resourceGroup: 'rg-aks',
        name: 'aks-seen',
      }),
    ).resolves.toEqual({ found: false, missing: 'subscription' });
  });

  it("reports an operation that fails with ARM's code and message", async () => {
    simulator.setFaults({
      failOperations: [
        {
          resourceNamePattern: '^aks-doomed$',
          code: 'OverconstrainedAllocationRequest',
          message:
            'Allocation failed. VM(s) with the following constraints cannot be allocated.',
        },
      ],
    });
    const error = await rejectionOf(
      provisioner.createOverlayCluster(clusterRequest({ name: 'aks-doomed' })),
    );

    expect(error).toBeInstanceOf(AzureOperationError);
    expect(error).toMatchObject({
      code: 'OverconstrainedAllocationRequest',
      message:
        'Allocation failed. VM(s) with the following constraints cannot be allocated.',
      step: 'createCluster',
      resourceId: `/subscriptions/${SUB_A}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-doomed`,
    });
  });

  it('reports a subnet operation that fails', async () => {
    simulator.setFaults({
      failOperations: [
        {
          resourceNamePattern: '^snet-doomed$',
          code: 'InternalServerError',
          message: 'An error occurred.',
        },
      ],
    });
    const error = await rejectionOf(
      provisioner.createSubnet({
        subscriptionId: SUB_A,
        resourceGroup: 'rg-net',
        vnetName: 'vnet-weu',
        subnetName: 'snet-doomed',
        addressPrefix: '10.240.6.0/27',
        timeoutMs: 20_000,
      }),
    );
    expect(error).toBeInstanceOf(AzureOperationError);
    expect(error).toMatchObject({
      code: 'InternalServerError',
      message: 'An error occurred.',
      step: 'createSubnet',
    });
  });

  it('gives up on an operation that never ends and says it may still be running', async () => {
    simulator.setFaults({
      stuckOperations: [{ resourceNamePattern: '^aks-stuck$' }],
    });
    const progress: OperationProgress[] = [];
    const error = await rejectionOf(
      provisioner.createOverlayCluster(
        clusterRequest({
          name: 'aks-stuck',
          timeoutMs: 1_500,
          onProgress: p => progress.push(p),
        }),
      ),
    );

    expect(error).toBeInstanceOf(AzureOperationTimeoutError);
    expect(error).toMatchObject({
      step: 'createCluster',
      lastState: 'running',
      resourceId: expect.stringMatching(/managedClusters\/aks-stuck$/),
    });
    expect((error as Error).message).toMatch(
      /may still be running in Azure; check .*managedClusters\/aks-stuck/,
    );
    expect(progress.map(p => p.state)).toContain('running');
  });

  it('carries a validation error through with its code, message and target', async () => {
    const error = await rejectionOf(
      provisioner.createOverlayCluster(
        clusterRequest({ name: 'aks-bad-cidr', podCidr: '10.240.100.0/24' }),
      ),
    );

    expect(error).toBeInstanceOf(AzureOperationError);
    expect(error).toMatchObject({
      code: 'NetworkProfileCIDROverlapVNET',
      message:
        'NetworkProfile CIDR 10.240.100.0/24 overlaps with reserved VNET CIDR 10.240.0.0/16',
      target: 'networkProfile.podCIDR',
      statusCode: 400,
      step: 'createCluster',
    });
    expect(
      simulator.state.resource(
        `/subscriptions/${SUB_A}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-bad-cidr`,
      ),
    ).toBeUndefined();
  });

  it('carries a refused subnet (overlapping prefix) through as an AzureOperationError', async () => {
    const error = await rejectionOf(
      provisioner.createSubnet({
        subscriptionId: SUB_A,
        resourceGroup: 'rg-net',
        vnetName: 'vnet-weu',
        subnetName: 'snet-overlapping',
        addressPrefix: '10.240.0.0/28',
        timeoutMs: 20_000,
      }),
    );
    expect(error).toBeInstanceOf(AzureOperationError);
    expect(error).toMatchObject({
      statusCode: 400,
      step: 'createSubnet',
      code: expect.any(String),
    });
    expect((error as AzureOperationError).message).toMatch(/overlap/i);
  });

  describe('deleting and waiting', () => {
    const subnetRef = (subnetName: string) => ({
      subscriptionId: SUB_A,
      resourceGroup: 'rg-net',
      vnetName: 'vnet-weu',
      subnetName,
    });
    const clusterRef = (name: string) => ({
      subscriptionId: SUB_A,
      resourceGroup: 'rg-aks',
      name,
    });

    async function newSubnet(name: string, addressPrefix: string) {
      return provisioner.createSubnet({
        ...subnetRef(name),
        addressPrefix,
        timeoutMs: 20_000,
      });
    }

    it('deletes a subnet and waits for it to go; a subnet already gone is no error', async () => {
      const subnet = await newSubnet('snet-temp', '10.240.7.0/27');
      const progress: OperationProgress[] = [];
      await provisioner.deleteSubnet({
        ...subnetRef('snet-temp'),
        timeoutMs: 20_000,
        onProgress: p => progress.push(p),
      });
      expect(simulator.state.resource(subnet.id)).toBeUndefined();
      expect(progress[0]).toMatchObject({
        step: 'deleteSubnet',
        state: 'submitting',
      });
      expect(progress[progress.length - 1].state).toBe('succeeded');

      await provisioner.deleteSubnet({
        ...subnetRef('snet-temp'),
        timeoutMs: 20_000,
      });
      expect(simulator.calls().byKind['DELETE subnets.delete']).toBe(2);
    });

    it("refuses to delete a subnet a cluster's nodes are in, with ARM's code", async () => {
      await newSubnet('snet-busy', '10.240.7.32/27');
      await provisioner.createOverlayCluster(
        clusterRequest({
          name: 'aks-busy',
          nodeSubnetId: `${VNET}/subnets/snet-busy`,
        }),
      );
      const error = await rejectionOf(
        provisioner.deleteSubnet({
          ...subnetRef('snet-busy'),
          timeoutMs: 20_000,
        }),
      );
      expect(error).toBeInstanceOf(AzureOperationError);
      expect(error).toMatchObject({
        code: 'InUseSubnetCannotBeDeleted',
        statusCode: 400,
        step: 'deleteSubnet',
        resourceId: `${VNET}/subnets/snet-busy`,
      });
      expect(
        simulator.state.resource(`${VNET}/subnets/snet-busy`),
      ).toBeDefined();
    });

    it('deletes a cluster whose create failed, and then its subnet', async () => {
      simulator.setFaults({
        failOperations: [
          {
            resourceNamePattern: '^aks-failed$',
            resourceType: 'Microsoft.ContainerService/managedClusters',
            method: 'PUT',
            code: 'OverconstrainedAllocationRequest',
            message: 'Allocation failed.',
          },
        ],
      });
      await newSubnet('snet-failed', '10.240.7.64/27');
      await rejectionOf(
        provisioner.createOverlayCluster(
          clusterRequest({
            name: 'aks-failed',
            nodeSubnetId: `${VNET}/subnets/snet-failed`,
          }),
        ),
      );
      await expect(
        provisioner.getCluster(clusterRef('aks-failed')),
      ).resolves.toMatchObject({ provisioningState: 'Failed' });

      await provisioner.deleteCluster({
        ...clusterRef('aks-failed'),
        timeoutMs: 20_000,
      });
      await expect(
        provisioner.getCluster(clusterRef('aks-failed')),
      ).resolves.toBeUndefined();
      await provisioner.deleteSubnet({
        ...subnetRef('snet-failed'),
        timeoutMs: 20_000,
      });
      await expect(
        provisioner.getSubnet(subnetRef('snet-failed')),
      ).resolves.toBeUndefined();
    });

    it('waits for a cluster whose create outlived its poller, without writing to it', async () => {
      simulator.setFaults({
        slowOperations: [
          {
            resourceNamePattern: '^aks-late$',
            method: 'PUT',
            durationMs: 1_200,
          },
        ],
      });
      await rejectionOf(
        provisioner.createOverlayCluster(
          clusterRequest({ name: 'aks-late', timeoutMs: 300 }),
        ),
      );
      const writes = () =>
        simulator.calls().log.filter(call => call.method !== 'GET').length;
      const writesBefore = writes();
      const progress: OperationProgress[] = [];
      const cluster = await provisioner.waitForCluster({
        ...clusterRef('aks-late'),
        timeoutMs: 20_000,
        onProgress: p => progress.push(p),
      });
      expect(cluster).toMatchObject({ provisioningState: 'Succeeded' });
      expect(writes()).toBe(writesBefore);
      expect(progress.map(p => p.state)).toEqual(['Creating', 'Succeeded']);
      expect(progress[0].step).toBe('waitForCluster');
    });

    it('gives up waiting for a cluster that never settles', async () => {
      simulator.setFaults({
        stuckOperations: [{ resourceNamePattern: '^aks-forever$' }],
      });
      await rejectionOf(
        provisioner.createOverlayCluster(
          clusterRequest({ name: 'aks-forever', timeoutMs: 200 }),
        ),
      );
      const error = await rejectionOf(
        provisioner.waitForCluster({
          ...clusterRef('aks-forever'),
          timeoutMs: 400,
        }),
      );
      expect(error).toBeInstanceOf(AzureOperationTimeoutError);
      expect(error).toMatchObject({
        step: 'waitForCluster',
        lastState: 'Creating',
      });
      await expect(
        provisioner.waitForCluster({
          ...clusterRef('aks-missing'),
          timeoutMs: 400,
        }),
      ).resolves.toBeUndefined();
    });
  });
});
