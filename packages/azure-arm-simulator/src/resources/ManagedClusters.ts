import {
  cloneJson,
  JsonObject,
  objectAt,
  objectsAt,
  stringAt,
} from '../json/JsonValue';
import { resourceNotFound } from '../server/ArmError';
import { ArmRoute, route } from '../server/ArmRoute';
import { pageOf } from '../server/paging';
import { SimulatorContext } from '../server/SimulatorContext';
import { providerResourceId, resourceGroupId } from '../state/armIds';
import { ArmResourceJson } from '../state/SimulatorState';
import { listRoutes } from './listRoutes';
import { beginDelete, refuseIfInProgress } from './longRunning';
import { putCluster } from './ManagedClusterPut';
import { requireResourceGroup } from './scopes';

const AGENT_POOL_TYPE = 'Microsoft.ContainerService/managedClusters/agentPools';

/** The cluster a request names; 404 `ResourceGroupNotFound` / `ResourceNotFound` as ARM answers. */
export function requireCluster(
  context: SimulatorContext,
  s: string,
  rg: string,
  name: string,
): ArmResourceJson {
  const group = requireResourceGroup(context, s, rg);
  const cluster = context.state.get(
    providerResourceId(
      s,
      group.name,
      'Microsoft.ContainerService/managedClusters',
      name,
    ),
  );
  if (!cluster) {
    throw resourceNotFound(
      'Microsoft.ContainerService/managedClusters',
      name,
      rg,
    );
  }
  return cluster;
}

/** An agent pool as `GET …/agentPools/{name}` returns it: the profile, under `properties`. */
function agentPoolView(
  cluster: ArmResourceJson,
  profile: JsonObject,
): JsonObject {
  const { name, ...properties } = cloneJson(profile);
  return {
    id: `${cluster.id}/agentPools/${String(name)}`,
    name,
    type: AGENT_POOL_TYPE,
    properties,
  };
}

/** Path template of one managed cluster; its actions and child resources hang below it. */
export const CLUSTER_PATH =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/{resourceName}';

/** Managed clusters: list (subscription, resource group), get, PUT, DELETE, agent pools. */
export const managedClusterRoutes: ArmRoute[] = [
  ...listRoutes({
    // As ARM's REST paths spell it (the stored type says `ManagedClusters`; lists
    // compare types case-insensitively).
    resourceType: 'Microsoft.ContainerService/managedClusters',
    kinds: {
      subscription: 'managedClusters.list',
      resourceGroup: 'managedClusters.listByResourceGroup',
    },
    view: (_context, cluster) => cloneJson(cluster),
  }),
  route('GET', CLUSTER_PATH, 'managedClusters.get', (request, context) => {
    const [s, rg, name] = request.params;
    return {
      status: 200,
      body: cloneJson(requireCluster(context, s, rg, name)),
    };
  }),
  route('PUT', CLUSTER_PATH, 'managedClusters.createOrUpdate', putCluster),
  route(
    'DELETE',
    CLUSTER_PATH,
    'managedClusters.delete',
    (request, context) => {
      const [s, rg, name] = request.params;
      const group = requireResourceGroup(context, s, rg);
      const id = providerResourceId(
        s,
        group.name,
        'Microsoft.ContainerService/managedClusters',
        name,
      );
      const cluster = context.state.get(id);
      if (!cluster) {
        return { status: 204 };
      }
      refuseIfInProgress(context, id, 'Microsoft.ContainerService');
      const nodeResourceGroup = stringAt(
        objectAt(cluster, 'properties'),
        'nodeResourceGroup',
      );
      return beginDelete(request, context, {
        namespace: 'Microsoft.ContainerService',
        subscriptionId: s,
        location: stringAt(cluster, 'location') ?? 'westeurope',
        resource: cluster,
        remove: () => {
          context.state.delete(id);
          if (nodeResourceGroup) {
            context.state.deleteScope(resourceGroupId(s, nodeResourceGroup));
          }
        },
      });
    },
  ),
  route(
    'GET',
    `${CLUSTER_PATH}/agentPools`,
    'agentPools.list',
    (request, context) => {
      const [s, rg, name] = request.params;
      const cluster = requireCluster(context, s, rg, name);
      return pageOf(
        request,
        objectsAt(objectAt(cluster, 'properties'), 'agentPoolProfiles').map(
          profile => agentPoolView(cluster, profile),
        ),
        context.pageSize,
      );
    },
  ),
  route(
    'GET',
    `${CLUSTER_PATH}/agentPools/{agentPoolName}`,
    'agentPools.get',
    (request, context) => {
      const [s, rg, name, poolName] = request.params;
      const cluster = requireCluster(context, s, rg, name);
      const profile = objectsAt(
        objectAt(cluster, 'properties'),
        'agentPoolProfiles',
      ).find(
        p => stringAt(p, 'name')?.toLowerCase() === poolName.toLowerCase(),
      );
      if (!profile) {
        throw resourceNotFound(
          `Microsoft.ContainerService/managedClusters/${cluster.name}/agentPools`,
          poolName,
          rg,
        );
      }
      return { status: 200, body: agentPoolView(cluster, profile) };
    },
  ),
];
