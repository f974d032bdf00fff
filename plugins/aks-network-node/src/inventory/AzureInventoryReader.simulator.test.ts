import {
  ArmSimulator,
  simulatedClusterCaPem,
  startArmSimulator,
} from '@aks-network/azure-arm-simulator';
import {
  assessClusterPosture,
  ClusterRecord,
  classifyClusterRecord,
  NetworkDataplane,
  NetworkModel,
} from '@aks-network/plugin-aks-network-common';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AzureAccess } from '../clients';
import {
  AzureInventoryReader,
  SubscriptionInventory,
} from './AzureInventoryReader';
import {
  inventoryFleet,
  SUB_A,
  SUB_B,
  WORKSPACE,
} from './__testUtils__/inventoryFleet';
import { simulatorClients } from './__testUtils__/simulatorClients';

const VNET_WEU = `/subscriptions/${SUB_A}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-weu`;
const NSG = `/subscriptions/${SUB_A}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-aks`;
const CREDENTIAL_ACTION =
  'Microsoft.ContainerService/managedClusters/listClusterUserCredential/action';

/** The CA the simulator's kubeconfig of a cluster holds, as the annotation takes it. */
function simulatedCa(clusterId: string): string {
  return Buffer.from(simulatedClusterCaPem(clusterId)).toString('base64');
}

/** Records without the CA, to show that reading it changed nothing else. */
function withoutCa(records: ClusterRecord[]) {
  return records.map(
    ({ apiServerCertificateAuthority: _ca, ...record }) => record,
  );
}

describe('AzureInventoryReader against the ARM simulator', () => {
  let simulator: ArmSimulator;
  let reader: AzureInventoryReader;

  beforeAll(async () => {
    simulator = await startArmSimulator({
      fleet: inventoryFleet(),
      pageSize: 4, // 11 clusters in subscription A → 3 pages
    });
    reader = new AzureInventoryReader(simulatorClients(simulator));
  });

  afterAll(async () => {
    await simulator?.close();
  });

  beforeEach(() => {
    simulator.reset();
  });

  function byName(result: SubscriptionInventory, name: string): ClusterRecord {
    const found = result.clusters.find(cluster => cluster.name === name);
    if (!found) {
      throw new Error(`no cluster ${name} in the read`);
    }
    return found;
  }

  it('lists every cluster across pages and reads each shared resource once', async () => {
    const result = await reader.readSubscription(SUB_A);

    expect(result.complete).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.partialClusterIds).toEqual([]);
    expect(result.clusters).toHaveLength(11);
    expect(result.clusterListPages).toBe(3);
    // 11 clusters, 2 VNets (in 2 regions), 1 NSG on a node subnet.
    expect(result.calls).toEqual({
      'managedClusters.list': 1,
      // The listing carries every cluster's agentPoolProfiles, complete.
      'agentPools.list': 0,
      // Not opted in: no credential call, no CA on any record.
      'managedClusters.listClusterUserCredentials': 0,
      'virtualNetworks.get': 2,
      // Only where a VNet GET fails.
      'subnets.get': 0,
      'virtualNetworks.listUsage': 2,
      'networkSecurityGroups.get': 1,
      'networkWatchers.listAll': 1,
      'flowLogs.list': 2,
      // The ARM path sends no Resource Graph query.
      'resourceGraph.resources': 0,
    });
    // The simulator saw the same HTTP requests, pages included: 11 clusters are 3
    // pages of 4; vnet-weu's 8 subnet usages are 2 pages, vnet-neu's 1 is one.
    const seen = simulator.calls().byKind;
    expect(seen['GET managedClusters.list']).toBe(3);
    expect(seen['GET agentPools.list']).toBeUndefined();
    expect(seen['GET virtualNetworks.listUsage']).toBe(3);
    const usagePaths = simulator
      .calls()
      .log.filter(call => call.kind === 'virtualNetworks.listUsage')
      .map(call => call.path.replace(/\?.*$/, '').toLowerCase());
    expect(new Set(usagePaths).size).toBe(2);
    expect(seen['GET virtualNetworks.get']).toBe(2);
    expect(seen['GET networkSecurityGroups.get']).toBe(1);
    expect(seen['GET networkWatchers.listAll']).toBe(1);
    expect(seen['GET flowLogs.list']).toBe(2);
    expect(seen['POST managedClusters.listClusterUserCredential']).toBe(
      undefined,
    );
    expect(
      result.clusters.filter(c => 'apiServerCertificateAuthority' in c),
    ).toEqual([]);
  });

  it.each<[string, NetworkModel, NetworkDataplane | null]>([
    ['aks-overlay-1', 'azure-cni-overlay', 'azure'],
    ['aks-cilium', 'azure-cni-overlay', 'cilium'],
    ['aks-acns', 'azure-cni-overlay', 'cilium'],
    ['aks-podsubnet', 'azure-cni-pod-subnet', 'azure'],
    ['aks-flat', 'azure-cni-node-subnet', 'azure'],
    // kubenet and a BYO CNI have no Azure dataplane.
    ['aks-kubenet', 'kubenet', null],
    ['aks-byo', 'byo-cni', null],
    ['aks-migrated', 'azure-cni-overlay', 'azure'],
  ])(
    'maps %s into a record classified %s / %s',
    async (name, model, dataplane) => {
      const result = await reader.readSubscription(SUB_A);
      expect(classifyClusterRecord(byName(result, name))).toMatchObject({
        known: true,
        model,
        dataplane,
      });
    },
  );

  it('maps an overlay cluster with its subnet IP use, NSG rules, flow logs and VNet', async () => {
    const result = await reader.readSubscription(SUB_A);
    const cluster = byName(result, 'aks-overlay-1');
    const subnetId = `${VNET_WEU}/subnets/snet-overlay`;

    expect(cluster).toMatchObject({
      subscriptionId: SUB_A,
      resourceGroup: 'rg-aks',
      location: 'westeurope',
      tags: { owner: 'team-payments' },
      provisioningState: 'Succeeded',
      networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay' },
      vnet: { id: VNET_WEU, addressSpace: ['10.240.0.0/16'] },
    });
    expect(cluster.nodePools).toEqual([
      expect.objectContaining({ name: 'system', count: 2, mode: 'System' }),
    ]);
    const [subnet] = cluster.nodeSubnets;
    expect(subnet).toMatchObject({
      name: 'snet-overlay',
      addressPrefix: '10.240.0.0/27',
      // Three clusters of two nodes share the subnet; a /27 has 27 usable IPs.
      ipUsed: simulator.state.usedIps(subnetId),
      ipLimit: 27,
    });
    expect(subnet.ipUsed).toBe(6);
    expect(subnet.nsg?.id.toLowerCase()).toBe(NSG.toLowerCase());
    expect(subnet.nsg?.rules).toEqual([
      {
        name: 'allow-corp-https',
        direction: 'Inbound',
        access: 'Allow',
        priority: 200,
        protocol: 'Tcp',
        sourceAddressPrefixes: ['192.168.10.0/24', '192.168.20.0/24'],
        sourcePortRanges: ['*'],
        destinationAddressPrefixes: ['10.240.0.0/27'],
        destinationPortRanges: ['443', '8443'],
      },
      expect.objectContaining({
        name: 'deny-all-in',
        access: 'Deny',
        priority: 4000,
        sourceAddressPrefixes: ['*'],
      }),
    ]);
    expect(
      cluster.flowLogs.map(log => [log.kind, log.enabled, log.retentionDays]),
    ).toEqual(
      expect.arrayContaining([
        ['vnet', true, 30],
        ['nsg', true, 7],
      ]),
    );
    expect(cluster.flowLogs.find(log => log.kind === 'vnet')).toMatchObject({
      trafficAnalyticsEnabled: true,
      workspaceId: WORKSPACE,
    });
  });

  it('maps ACNS, container network logs, flat IP use and a flow log in the other region', async () => {
    const result = await reader.readSubscription(SUB_A);

    expect(byName(result, 'aks-acns').addons).toEqual({
      acns: { enabled: true, observability: true, security: false },
      omsagent: {
        enabled: true,
        containerNetworkLogs: true,
        logAnalyticsWorkspaceId: WORKSPACE,
      },
    });
    expect(byName(result, 'aks-overlay-1').addons.acns.enabled).toBe(false);

    const flat = byName(result, 'aks-flat');
    const flatSubnetId = `${VNET_WEU}/subnets/snet-flat`;
    expect(flat.nodeSubnets[0]).toMatchObject({
      addressPrefix: '10.240.2.0/24',
      ipUsed: simulator.state.usedIps(flatSubnetId),
      ipLimit: 251,
    });
    // Flat Azure CNI: each node takes 1 + maxPods IPs from the node subnet.
    expect(flat.nodeSubnets[0].ipUsed).toBeGreaterThanOrEqual(7 * 31);

    const migrated = byName(result, 'aks-migrated');
    expect(migrated.networkProfile.podCidr).toBe('100.64.0.0/10');
    expect(migrated.nodePools[0].maxPods).toBe(30);

    const podSubnet = byName(result, 'aks-podsubnet');
    expect(podSubnet.nodePools[0].podSubnetId).toMatch(
      /\/subnets\/snet-pods$/i,
    );
    expect(podSubnet.nodeSubnets.map(subnet => subnet.name)).toEqual([
      'snet-nodes',
    ]);

    const neu = byName(result, 'aks-neu');
    expect(neu.location).toBe('northeurope');
    expect(neu.flowLogs).toEqual([
      expect.objectContaining({
        kind: 'vnet',
        enabled: true,
        retentionDays: 14,
        targetResourceId: expect.stringMatching(/\/subnets\/snet-neu$/i),
      }),
    ]);

    const kubenet = byName(result, 'aks-kubenet');
    expect(kubenet.nodeSubnets).toEqual([]);
    expect(kubenet.networkProfile.networkPlugin).toBe('kubenet');
  });

  it('reads a subscription without clusters with one call', async () => {
    const result = await reader.readSubscription(SUB_B);
    expect(result).toMatchObject({ complete: true, clusters: [], errors: [] });
    expect(
      Object.values(result.calls).reduce((sum, count) => sum + count, 0),
    ).toBe(1);
  });

  it('keeps a cluster whose enrichment failed, partial and named, and stays complete', async () => {
    simulator.setFaults({
      serverErrorRate: 1,
      pathPattern: '/virtualNetworks/vnet-weu/usages$',
    });
    const result = await reader.readSubscription(SUB_A);

    expect(result.complete).toBe(true);
    expect(result.clusters).toHaveLength(11);
    expect(result.errors).toEqual([
      expect.objectContaining({
        kind: 'virtualNetworks.listUsage',
        resourceId: VNET_WEU,
        statusCode: 500,
        code: 'InternalServerError',
      }),
    ]);
    const overlay = byName(result, 'aks-overlay-1');
    expect(result.errors[0].clusterIds).toContain(overlay.id);
    expect(result.errors[0].clusterIds).not.toContain(
      byName(result, 'aks-neu').id,
    );
    expect(result.partialClusterIds).toContain(overlay.id);
    // No IP use rather than a made-up one; the rest of the subnet is there.
    expect(overlay.nodeSubnets[0].ipUsed).toBeUndefined();
    expect(overlay.nodeSubnets[0].addressPrefix).toBe('10.240.0.0/27');
    expect(byName(result, 'aks-neu').nodeSubnets[0].ipUsed).toBeDefined();
  });

  describe('when parts of the network cannot be read', () => {
    const OVERLAY_SUBNET = `${VNET_WEU}/subnets/snet-overlay`;
    const findingOf = (record: ClusterRecord, id: string) =>
      assessClusterPosture(record).findings.find(finding => finding.id === id);

    it("reads the clusters' own subnets where the VNet GET fails, and names the VNet unread", async () => {
      simulator.setFaults({
        serverErrorRate: 1,
        pathPattern: '/virtualNetworks/vnet-weu$',
      });
      const result = await reader.readSubscription(SUB_A);

      // One GET per subnet the clusters name in vnet-weu, each once: overlay (shared
      // by three clusters), cilium, acns, nodes, pods, flat, byo, migrated.
      expect(result.calls['subnets.get']).toBe(8);
      const overlay = byName(result, 'aks-overlay-1');
      expect(overlay.vnet).toBeUndefined();
      expect(overlay.unread).toEqual([
        {
          part: 'vnet',
          resourceId: VNET_WEU,
          error: expect.stringContaining('InternalServerError, HTTP 500'),
        },
      ]);
      // The subnet, its NSG rules, its IP use and both flow logs are still read: the
      // flow logs are listed from the cluster's region.
      expect(overlay.nodeSubnets).toEqual([
        expect.objectContaining({
          id: expect.stringMatching(/snet-overlay$/),
          addressPrefix: '10.240.0.0/27',
          ipUsed: 6,
          nsg: expect.objectContaining({ rules: expect.any(Array) }),
        }),
      ]);
      expect(overlay.flowLogs.map(log => log.kind).sort()).toEqual([
        'nsg',
        'vnet',
      ]);
      expect(byName(result, 'aks-podsubnet').podSubnets).toEqual([
        expect.objectContaining({ addressPrefix: '10.240.16.0/20' }),
      ]);
      expect(byName(result, 'aks-neu').unread).toBeUndefined();
      expect(findingOf(overlay, 'egress-ingress-monitored')?.status).toBe(
        'pass',
      );
    });

    it('names the VNet and each subnet unread when both fail, and says unknown where they were needed', async () => {
      simulator.setFaults({
        serverErrorRate: 1,
        pathPattern: '/virtualNetworks/vnet-weu(/subnets/[^/]+)?$',
      });
      const result = await reader.readSubscription(SUB_A);
      const overlay = byName(result, 'aks-overlay-1');

      expect(overlay.nodeSubnets).toEqual([]);
      expect(
        overlay.unread?.map(entry => [entry.part, entry.resourceId]),
      ).toEqual([
        ['vnet', VNET_WEU],
        ['subnet', expect.stringMatching(/snet-overlay$/)],
      ]);
      expect(findingOf(overlay, 'nsg-overlay-allow-rules')).toMatchObject({
        status: 'unknown',
        unread: [
          expect.objectContaining({
            part: 'subnet',
            resourceId: OVERLAY_SUBNET,
          }),
          // No node subnet is known: the VNet's ranges were needed too.
          expect.objectContaining({ part: 'vnet', resourceId: VNET_WEU }),
        ],
      });
      expect(findingOf(overlay, 'node-subnet-exhaustion')?.status).toBe(
        'unknown',
      );
      // The VNet flow log targets the VNet, which the pool's subnet id names: still found.
      expect(findingOf(overlay, 'egress-ingress-monitored')?.status).toBe(
        'pass',
      );
    });

    it('keeps the NSG of a subnet without its rules when its GET is denied, and the overlay NSG check is unknown', async () => {
      simulator.setFaults({
        deniedActions: ['Microsoft.Network/networkSecurityGroups/read'],
      });
      const result = await reader.readSubscription(SUB_A);
      const overlay = byName(result, 'aks-overlay-1');

      expect(overlay.nodeSubnets[0].nsg).toEqual({ id: expect.any(String) });
      expect(overlay.nodeSubnets[0].nsg?.id.toLowerCase()).toBe(
        NSG.toLowerCase(),
      );
      expect(overlay.unread).toEqual([
        {
          part: 'nsg',
          resourceId: NSG,
          error: expect.stringContaining('AuthorizationFailed, HTTP 403'),
        },
      ]);
      expect(findingOf(overlay, 'nsg-overlay-allow-rules')).toMatchObject({
        status: 'unknown',
        detail: expect.stringContaining('NSG nsg-aks'),
        remediation: expect.stringContaining('Reader'),
      });
      // Not on the NSG: nothing unread.
      expect(byName(result, 'aks-cilium').unread).toBeUndefined();
    });

    it('names the flow logs unread when the Network Watchers are denied, and the checks that need them are unknown', async () => {
      simulator.setFaults({
        deniedActions: ['Microsoft.Network/networkWatchers/read'],
      });
      const result = await reader.readSubscription(SUB_A);
      const overlay = byName(result, 'aks-overlay-1');

      expect(overlay.flowLogs).toEqual([]);
      expect(overlay.unread).toEqual([
        expect.objectContaining({
          part: 'flowLogs',
          resourceId: `/subscriptions/${SUB_A}`,
        }),
      ]);
      const posture = assessClusterPosture(overlay);
      expect(posture.summary).toMatchObject({
        egressIngressMonitored: null,
        historyKept: null,
      });
      // Container network logs are on the cluster itself: history is kept, read or not.
      const acns = assessClusterPosture(byName(result, 'aks-acns'));
      expect(acns.summary.historyKept).toBe(true);
      expect(acns.summary.egressIngressMonitored).toBeNull();
    });

    it('names the AKS-managed VNet of a cluster whose pools name no subnet', async () => {
      const result = await reader.readSubscription(SUB_A);
      const kubenet = byName(result, 'aks-kubenet');

      expect(kubenet.unread).toEqual([
        {
          part: 'vnet',
          resourceId: expect.stringMatching(
            new RegExp(`^/subscriptions/${SUB_A}/resourceGroups/MC_`, 'i'),
          ),
          error: expect.stringContaining('AKS manages'),
        },
      ]);
      expect(findingOf(kubenet, 'egress-ingress-monitored')?.status).toBe(
        'unknown',
      );
    });
  });

  describe('with readApiServerCertificateAuthority', () => {
    const caReader = () =>
      new AzureInventoryReader(simulatorClients(simulator), {
        readApiServerCertificateAuthority: true,
      });

    it('gives every cluster the CA of its kubeconfig, with one credential call per cluster', async () => {
      const result = await caReader().readSubscription(SUB_A);

      expect(result.complete).toBe(true);
      expect(result.errors).toEqual([]);
      expect(result.clusters).toHaveLength(11);
      expect(
        result.clusters.map(c => [c.name, c.apiServerCertificateAuthority]),
      ).toEqual(result.clusters.map(c => [c.name, simulatedCa(c.id)]));
      // Each cluster has its own CA.
      expect(
        new Set(result.clusters.map(c => c.apiServerCertificateAuthority)).size,
      ).toBe(11);
      expect(result.calls['managedClusters.listClusterUserCredentials']).toBe(
        11,
      );
      expect(
        simulator.calls().byKind[
          'POST managedClusters.listClusterUserCredential'
        ],
      ).toBe(11);
      // Only the CA is taken from the kubeconfig; the rest of the record is as without.
      const plain = await reader.readSubscription(SUB_A);
      expect(withoutCa(result.clusters)).toEqual(plain.clusters);
    });

    it('keeps at most `concurrency` credential calls in flight', async () => {
      let inFlight = 0;
      let most = 0;
      const clients = simulatorClients(simulator);
      const counted = new AzureInventoryReader(
        {
          network: clients.network,
          containerService: id => {
            const client = clients.containerService(id);
            const list = client.managedClusters.listClusterUserCredentials;
            client.managedClusters.listClusterUserCredentials = async (
              ...args
            ) => {
              inFlight += 1;
              most = Math.max(most, inFlight);
              try {
                return await list(...args);
              } finally {
                inFlight -= 1;
              }
            };
            return client;
          },
        },
        { concurrency: 3, readApiServerCertificateAuthority: true },
      );
      simulator.setFaults({
        latencyMs: 40,
        pathPattern: '/listClusterUserCredential$',
      });
      const result = await counted.readSubscription(SUB_A);
      expect(result.calls['managedClusters.listClusterUserCredentials']).toBe(
        11,
      );
      expect(most).toBe(3);
    });

    it('keeps clusters whole, without the CA, when the role is missing (403), and lists why', async () => {
      simulator.setFaults({ deniedActions: [CREDENTIAL_ACTION] });
      const result = await caReader().readSubscription(SUB_A);

      expect(result.complete).toBe(true);
      expect(result.clusters).toHaveLength(11);
      expect(
        result.clusters.filter(c => 'apiServerCertificateAuthority' in c),
      ).toEqual([]);
      expect(result.partialClusterIds).toEqual([]);
      expect(result.errors).toHaveLength(11);
      expect(result.errors.map(error => error.resourceId).sort()).toEqual(
        result.clusters.map(c => c.id).sort(),
      );
      for (const error of result.errors) {
        expect(error).toEqual({
          kind: 'managedClusters.listClusterUserCredentials',
          resourceId: expect.any(String),
          clusterIds: [],
          statusCode: 403,
          code: 'AuthorizationFailed',
          message: expect.stringContaining(CREDENTIAL_ACTION),
        });
      }
      expect(simulator.calls().byFault).toEqual({ authorizationFailed: 11 });
      const plain = await reader.readSubscription(SUB_A);
      expect(result.clusters).toEqual(plain.clusters);
    });

    it("is read through createArmClients' clients when aksNetwork.azure turns it on", async () => {
      const access = AzureAccess.fromConfig(
        new ConfigReader({
          aksNetwork: {
            azure: {
              resourceManagerEndpoint: simulator.url,
              caCertificate: simulator.caCertificate,
              credential: { type: 'development', token: 'dev' },
              readApiServerCertificateAuthority: true,
            },
          },
        }),
        { logger: mockServices.logger.mock() },
      );
      const result = await new AzureInventoryReader(access.clients, {
        readApiServerCertificateAuthority:
          access.settings.readApiServerCertificateAuthority,
      }).readSubscription(SUB_A);
      expect(byName(result, 'aks-flat').apiServerCertificateAuthority).toBe(
        simulatedCa(byName(result, 'aks-flat').id),
      );
      expect(result.calls['managedClusters.listClusterUserCredentials']).toBe(
        11,
      );
    });
  });

  it('is incomplete when the cluster list fails, so nothing may be deleted', async () => {
    simulator.setFaults({
      serverErrorRate: 1,
      pathPattern: 'Microsoft.ContainerService/managedClusters$',
    });
    const result = await reader.readSubscription(SUB_A);
    expect(result.complete).toBe(false);
    expect(result.clusters).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        kind: 'managedClusters.list',
        resourceId: `/subscriptions/${SUB_A}`,
        statusCode: 500,
      }),
    ]);
  });

  it('rejects when aborted instead of returning a result that looks complete', async () => {
    const controller = new AbortController();
    controller.abort(new Error('sync stopped'));
    await expect(
      reader.readSubscription(SUB_A, { signal: controller.signal }),
    ).rejects.toThrow('sync stopped');

    simulator.setFaults({ latencyMs: 200 });
    const later = new AbortController();
    const read = reader.readSubscription(SUB_A, { signal: later.signal });
    setTimeout(() => later.abort(new Error('sync stopped')), 50);
    await expect(read).rejects.toThrow();
  });

  it("reads the same through createArmClients' clients, under a 429 storm", async () => {
    const logger = mockServices.logger.mock();
    const access = AzureAccess.fromConfig(
      new ConfigReader({
        aksNetwork: {
          azure: {
            resourceManagerEndpoint: simulator.url,
            caCertificate: simulator.caCertificate,
            credential: { type: 'development', token: 'dev' },
            requests: { maxRetries: 8, retryBaseDelayMs: 10 },
          },
        },
      }),
      { logger },
    );
    simulator.setFaults({
      throttleRate: 0.3,
      throttleRetryAfterSeconds: 0,
      seed: 7,
    });
    const result = await new AzureInventoryReader(
      access.clients,
    ).readSubscription(SUB_A);

    expect(result.complete).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.clusters).toHaveLength(11);
    expect(simulator.calls().byStatus['429']).toBeGreaterThan(0);
    expect(result.calls['virtualNetworks.listUsage']).toBe(2);
  });
});
