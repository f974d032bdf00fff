import { stringify } from 'yaml';
import { JsonObject, objectAt, stringAt } from '../json/JsonValue';
import { ArmRoute, route } from '../server/ArmRoute';
import { guidFrom } from '../state/armIds';
import { ArmResourceJson } from '../state/SimulatorState';
import { fakePemBlock } from '../tls/fakePemBlock';
import { CLUSTER_PATH, requireCluster } from './ManagedClusters';

// The Entra ID applications AKS names in the kubelogin exec block of AAD clusters.
const AKS_AAD_SERVER_APP_ID = '6dae42f8-4368-4678-94ff-3960e28e3630';
const AZURE_CLI_CLIENT_ID = '80faf920-1908-4b52-b5ef-a8e7bedfc67a';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * The CA PEM of a simulated cluster's API server: stable per cluster (ARM ids are
 * case-insensitive, so derived from the lower-cased id), PEM-shaped, not a real
 * certificate.
 *
 * @public
 */
export function simulatedClusterCaPem(clusterId: string): string {
  return fakePemBlock('CERTIFICATE', clusterId.toLowerCase());
}

/**
 * The kubeconfig user: kubelogin for clusters with Entra ID integration (`aadProfile`),
 * otherwise a local account with a client certificate, key and token, as AKS hands
 * out. The local account's secrets are fakes, but they are there so a client that
 * keeps only the CA is tested against a kubeconfig that holds more.
 */
function kubeconfigUser(
  cluster: ArmResourceJson,
  properties: JsonObject | undefined,
  tenantId: string,
): JsonObject {
  const seed = cluster.id.toLowerCase();
  if (objectAt(properties, 'aadProfile')) {
    return {
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1beta1',
        command: 'kubelogin',
        args: [
          'get-token',
          '--environment',
          'AzurePublicCloud',
          '--server-id',
          AKS_AAD_SERVER_APP_ID,
          '--client-id',
          AZURE_CLI_CLIENT_ID,
          '--tenant-id',
          tenantId,
          '--login',
          'devicecode',
        ],
        env: null,
        provideClusterInfo: false,
      },
    };
  }
  return {
    'client-certificate-data': base64(
      fakePemBlock('CERTIFICATE', `${seed}#user`),
    ),
    'client-key-data': base64(fakePemBlock('RSA PRIVATE KEY', `${seed}#user`)),
    token: guidFrom(`${seed}#token`).replace(/-/g, ''),
  };
}

/** The `clusterUser` kubeconfig of a cluster, as YAML, in the layout AKS writes. */
export function clusterUserKubeconfig(
  cluster: ArmResourceJson,
  tenantId: string,
): string {
  const properties = objectAt(cluster, 'properties');
  const resourceGroup = cluster.id.split('/')[4];
  const host =
    stringAt(properties, 'fqdn') ?? stringAt(properties, 'privateFQDN');
  const userName = `clusterUser_${resourceGroup}_${cluster.name}`;
  return stringify({
    apiVersion: 'v1',
    clusters: [
      {
        cluster: {
          'certificate-authority-data': base64(
            simulatedClusterCaPem(cluster.id),
          ),
          server: `https://${host}:443`,
        },
        name: cluster.name,
      },
    ],
    contexts: [
      {
        context: { cluster: cluster.name, user: userName },
        name: cluster.name,
      },
    ],
    'current-context': cluster.name,
    kind: 'Config',
    preferences: {},
    users: [
      { name: userName, user: kubeconfigUser(cluster, properties, tenantId) },
    ],
  });
}

/**
 * `POST …/managedClusters/{name}/listClusterUserCredential`: the cluster-user
 * kubeconfig, base64 in `kubeconfigs[].value` as ARM sends it. Real Azure requires
 * `Microsoft.ContainerService/managedClusters/listClusterUserCredential/action`
 * (Azure Kubernetes Service Cluster User Role); fault injection's `deniedActions`
 * plays a principal without it.
 */
export const clusterUserCredentialRoutes: ArmRoute[] = [
  route(
    'POST',
    `${CLUSTER_PATH}/listClusterUserCredential`,
    'managedClusters.listClusterUserCredential',
    (request, context) => {
      const [s, rg, name] = request.params;
      const cluster = requireCluster(context, s, rg, name);
      return {
        status: 200,
        body: {
          kubeconfigs: [
            {
              name: 'clusterUser',
              value: base64(clusterUserKubeconfig(cluster, context.tenantId)),
            },
          ],
        },
      };
    },
  ),
];
