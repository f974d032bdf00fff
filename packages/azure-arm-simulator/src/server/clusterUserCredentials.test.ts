import { parse } from 'yaml';
import {
  clusterUserKubeconfig,
  simulatedClusterCaPem,
} from '../resources/ClusterUserCredentials';
import { startArmSimulator, ArmSimulator } from '../startArmSimulator';
import { rawRequest } from '../__testUtils__/rawRequest';
import { sdkClients } from '../__testUtils__/sdkClients';
import { SUB_A, testFleet } from '../__testUtils__/testFleet';

const ACTION =
  'Microsoft.ContainerService/managedClusters/listClusterUserCredential/action';
const CREDENTIAL_PATH = `/subscriptions/${SUB_A}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-flat/listClusterUserCredential`;
const AUTH = { Authorization: 'Bearer test-token' };

/** The kubeconfig of ARM's answer, decoded the way kubectl would. */
function kubeconfigOf(result: {
  kubeconfigs?: { name?: string; value?: Uint8Array }[];
}) {
  const [entry] = result.kubeconfigs ?? [];
  return {
    name: entry?.name,
    kubeconfig: parse(Buffer.from(entry?.value ?? []).toString('utf8')),
  };
}

describe('listClusterUserCredential through the real SDK client', () => {
  let sim: ArmSimulator;

  beforeAll(async () => {
    sim = await startArmSimulator({ fleet: testFleet() });
  });
  afterEach(() => sim.reset());
  afterAll(() => sim.close());

  it("answers the clusterUser kubeconfig with the cluster's FQDN and a stable CA of its own", async () => {
    const { containerService } = sdkClients(sim, SUB_A);
    const cluster = await containerService.managedClusters.get(
      'rg-aks',
      'aks-flat',
    );
    const first = kubeconfigOf(
      await containerService.managedClusters.listClusterUserCredentials(
        'rg-aks',
        'aks-flat',
      ),
    );

    expect(first.name).toBe('clusterUser');
    const [entry] = first.kubeconfig.clusters;
    expect(entry.name).toBe('aks-flat');
    expect(entry.cluster.server).toBe(`https://${cluster.fqdn}:443`);
    const caPem = Buffer.from(
      entry.cluster['certificate-authority-data'],
      'base64',
    ).toString('utf8');
    expect(caPem).toBe(simulatedClusterCaPem(cluster.id!));
    expect(caPem).toMatch(
      /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/,
    );
    expect(first.kubeconfig['current-context']).toBe('aks-flat');
    // A cluster without Entra ID integration hands out a local account, as AKS does.
    expect(first.kubeconfig.users[0]).toMatchObject({
      name: 'clusterUser_rg-aks_aks-flat',
      user: { token: expect.stringMatching(/^[0-9a-f]{32}$/) },
    });

    // The same cluster, in other casing, gets the same CA; another cluster another one.
    const again = kubeconfigOf(
      await containerService.managedClusters.listClusterUserCredentials(
        'RG-AKS',
        'AKS-FLAT',
      ),
    );
    expect(again.kubeconfig.clusters[0].cluster).toEqual(entry.cluster);
    const other = kubeconfigOf(
      await containerService.managedClusters.listClusterUserCredentials(
        'rg-aks',
        'aks-overlay-1',
      ),
    );
    expect(
      other.kubeconfig.clusters[0].cluster['certificate-authority-data'],
    ).not.toBe(entry.cluster['certificate-authority-data']);

    expect(
      sim.calls().byKind['POST managedClusters.listClusterUserCredential'],
    ).toBe(3);
  });

  it('gives an Entra ID cluster a kubelogin user, no local secrets', () => {
    const yaml = clusterUserKubeconfig(
      {
        id: `/subscriptions/${SUB_A}/resourceGroups/rg-aad/providers/Microsoft.ContainerService/managedClusters/aks-aad`,
        name: 'aks-aad',
        type: 'Microsoft.ContainerService/ManagedClusters',
        properties: {
          fqdn: 'aks-aad-1234.hcp.westeurope.azmk8s.io',
          aadProfile: { managed: true },
        },
      },
      'tenant-1',
    );
    const user = parse(yaml).users[0];
    expect(user.name).toBe('clusterUser_rg-aad_aks-aad');
    expect(user.user.exec.command).toBe('kubelogin');
    expect(user.user.exec.args).toEqual(
      expect.arrayContaining(['--tenant-id', 'tenant-1']),
    );
    expect(Object.keys(user.user)).toEqual(['exec']);
  });

  it('answers 404 as ARM does for a missing cluster or resource group', async () => {
    const { containerService } = sdkClients(sim, SUB_A);
    await expect(
      containerService.managedClusters.listClusterUserCredentials(
        'rg-aks',
        'nope',
      ),
    ).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
    await expect(
      containerService.managedClusters.listClusterUserCredentials(
        'rg-missing',
        'nope',
      ),
    ).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceGroupNotFound',
    });
  });

  it('checks the token and api-version like every other route', async () => {
    const anonymous = await rawRequest(
      sim,
      'POST',
      `${CREDENTIAL_PATH}?api-version=2026-06-01`,
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('AuthenticationFailed');
    const noVersion = await rawRequest(sim, 'POST', CREDENTIAL_PATH, {
      headers: AUTH,
    });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.code).toBe('MissingApiVersionParameter');
    const get = await rawRequest(
      sim,
      'GET',
      `${CREDENTIAL_PATH}?api-version=2026-06-01`,
      { headers: AUTH },
    );
    expect(get.status).toBe(405);
  });

  it('answers 403 AuthorizationFailed to a caller denied the action, and serves its other calls', async () => {
    sim.setFaults({ deniedActions: [ACTION] });
    const { containerService } = sdkClients(sim, SUB_A);
    const error = await containerService.managedClusters
      .listClusterUserCredentials('rg-aks', 'aks-flat')
      .catch(e => e);
    expect(error).toMatchObject({
      statusCode: 403,
      code: 'AuthorizationFailed',
    });
    expect(error.message).toContain(`perform action '${ACTION}'`);
    expect(error.message).toContain(
      `over scope '/subscriptions/${SUB_A}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-flat'`,
    );
    await expect(
      containerService.managedClusters.get('rg-aks', 'aks-flat'),
    ).resolves.toMatchObject({ name: 'aks-flat' });
    expect(sim.calls().byFault).toEqual({ authorizationFailed: 1 });
    expect(sim.calls().byStatus).toEqual({ '200': 1, '403': 1 });

    // Role definitions' wildcards: every action on managed clusters.
    sim.setFaults({
      deniedActions: ['microsoft.containerservice/managedClusters/*/action'],
    });
    await expect(
      containerService.managedClusters.listClusterUserCredentials(
        'rg-aks',
        'aks-flat',
      ),
    ).rejects.toMatchObject({ statusCode: 403 });
  });
});
