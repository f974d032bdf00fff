import {
  cloneJson,
  compact,
  isJsonObject,
  JsonObject,
  JsonValue,
  objectAt,
  objectsAt,
  stringAt,
} from '../json/JsonValue';
import { badRequest, resourceNotFound } from '../server/ArmError';
import { ArmReply, ArmRequest, ArmRoute, route } from '../server/ArmRoute';
import { pageOf } from '../server/paging';
import { checkPools } from './AgentPoolValidation';
import { fillPool, patchVersion } from './AgentPoolProfiles';
import { checkDualStackVersion, isDualStack } from './DualStack';
import { listRoutes } from './listRoutes';
import { SimulatorContext } from '../server/SimulatorContext';
import { guidFrom, providerResourceId, resourceGroupId } from '../state/armIds';
import {
  ArmResourceJson,
  SimulatedSubscription,
} from '../state/SimulatorState';
import {
  clusterNetworking,
  ClusterNetworking,
  MANAGED_CLUSTER_TYPE,
} from './ClusterNetworking';
import {
  planClusterNetwork,
  requestedNetworkProfile,
  storedNetworkProfile,
} from './ClusterNetworkPlan';
import { checkUpdate } from './ClusterUpdateRules';
import { beginDelete, beginPut, refuseIfInProgress } from './longRunning';
import {
  checkCapacity,
  checkCidrs,
  NetworkPlan,
  resolveSubnets,
} from './ManagedClusterValidation';
import { createManagedVnet } from './managedVnet';
import { tagsOf } from './networkResources';
import { resourceGroupJson } from './ResourceGroups';
import {
  checkNameLength,
  invalidContent,
  requireLocation,
  requireResourceGroup,
  requireSubscription,
} from './scopes';

const AGENT_POOL_TYPE = 'Microsoft.ContainerService/managedClusters/agentPools';
/** Kubernetes version a cluster gets when the request names none. */
const DEFAULT_KUBERNETES_VERSION = '1.33';

/** AKS: 1–63 characters, letters, digits, '-' and '_', starting and ending with a letter or digit. */
function checkClusterName(name: string): void {
  checkNameLength(name, 'managed cluster', 'InvalidParameter', 'resourceName');
  if (!/^[a-zA-Z0-9]([a-zA-Z0-9_-]*[a-zA-Z0-9])?$/.test(name)) {
    throw badRequest(
      'InvalidParameter',
      `The value of parameter resourceName is invalid: '${name}'. It may contain letters, digits, '-' and '_', and must start and end with a letter or digit.`,
      'resourceName',
    );
  }
}

/** The PUT body, which must be a JSON object. */
function requireBodyObject(body: JsonValue | undefined): JsonObject {
  if (!isJsonObject(body)) {
    throw invalidContent(
      'The request content was invalid and could not be deserialized.',
    );
  }
  return body;
}

/** A cluster cannot move: a PUT naming another location is `InvalidResourceLocation`. */
function checkLocationUnchanged(
  existing: ArmResourceJson | undefined,
  name: string,
  groupName: string,
  location: string,
): void {
  if (existing && stringAt(existing, 'location') !== location) {
    throw badRequest(
      'InvalidResourceLocation',
      `The resource '${name}' already exists in location '${stringAt(
        existing,
        'location',
      )}' in resource group '${groupName}'. A resource with the same name cannot be created in location '${location}'.`,
    );
  }
}

/** The version sent, else the cluster's, else AKS's default. */
function requestedKubernetesVersion(
  sent: JsonObject,
  oldProperties: JsonObject | undefined,
): string {
  return (
    stringAt(sent, 'kubernetesVersion') ??
    stringAt(oldProperties, 'kubernetesVersion') ??
    DEFAULT_KUBERNETES_VERSION
  );
}

/**
 * The checks that need the pools, the stored state or both, in AKS's order: the pools,
 * what an update may change, the subnets the pools name, the CIDRs against them, and
 * the room in each subnet. Returns the cluster's networking as the checks read it.
 */
function checkClusterNetworking(
  context: SimulatorContext,
  put: {
    id: string;
    existing: ArmResourceJson | undefined;
    plan: NetworkPlan;
    networkProfile: JsonObject;
    pools: JsonObject[];
    kubernetesVersion: string;
  },
): ClusterNetworking {
  const networking = clusterNetworking({
    properties: {
      networkProfile: put.networkProfile,
      agentPoolProfiles: put.pools,
    },
  });
  checkPools(
    networking,
    put.pools.map(pool => stringAt(pool, 'mode') ?? 'User'),
  );
  if (put.existing) {
    checkUpdate(
      put.existing,
      put.plan,
      stringAt(put.networkProfile, 'networkPolicy'),
      put.kubernetesVersion,
      networking,
    );
  }
  const resolved = resolveSubnets(context, networking);
  checkCidrs(put.plan, resolved);
  checkCapacity(context, networking, resolved, put.id);
  return networking;
}

/** The DNS prefix sent, else the cluster's, else AKS's pick from the names. */
function dnsPrefixOf(
  sent: JsonObject,
  oldProperties: JsonObject | undefined,
  name: string,
  groupName: string,
  subscriptionId: string,
): string {
  return (
    stringAt(sent, 'dnsPrefix') ??
    stringAt(oldProperties, 'dnsPrefix') ??
    `${name.slice(0, 10)}-${groupName.slice(0, 16)}-${subscriptionId.slice(
      0,
      6,
    )}`
  );
}

/** The node resource group a cluster keeps, else the one sent, else `MC_{group}_{name}_{location}`. */
function nodeResourceGroupOf(
  sent: JsonObject,
  oldProperties: JsonObject | undefined,
  name: string,
  groupName: string,
  location: string,
): string {
  return (
    stringAt(oldProperties, 'nodeResourceGroup') ??
    stringAt(sent, 'nodeResourceGroup') ??
    `MC_${groupName}_${name}_${location}`
  );
}

/** The managed cluster as AKS stores it: what was sent, read-only fields AKS's own. */
function clusterResource(
  context: SimulatorContext,
  put: {
    id: string;
    name: string;
    groupName: string;
    subscription: SimulatedSubscription;
    location: string;
    body: JsonObject;
    existing: ArmResourceJson | undefined;
    provisioningState: string;
    kubernetesVersion: string;
    pools: JsonObject[];
    networkProfile: JsonObject;
  },
): ArmResourceJson {
  const { id, name, location, body, existing } = put;
  const sent = objectAt(body, 'properties') ?? {};
  const oldProperties = objectAt(existing, 'properties');
  const hash = guidFrom(id.toLowerCase()).slice(0, 8);
  const dnsPrefix = dnsPrefixOf(
    sent,
    oldProperties,
    name,
    put.groupName,
    put.subscription.subscriptionId,
  );
  const {
    provisioningState: _state,
    powerState: _power,
    fqdn: _fqdn,
    azurePortalFQDN: _portal,
    currentKubernetesVersion: _current,
    ...rest
  } = sent;
  return {
    id,
    name: existing?.name ?? name,
    type: MANAGED_CLUSTER_TYPE,
    location,
    tags: tagsOf(objectAt(body, 'tags')),
    sku: objectAt(body, 'sku') ?? { name: 'Base', tier: 'Free' },
    identity: objectAt(body, 'identity') ?? {
      type: 'SystemAssigned',
      principalId: guidFrom(`${id.toLowerCase()}#principal`),
      tenantId: context.tenantId,
    },
    properties: compact({
      ...rest,
      provisioningState: put.provisioningState,
      powerState: { code: 'Running' },
      maxAgentPools: 100,
      kubernetesVersion: put.kubernetesVersion,
      currentKubernetesVersion: patchVersion(put.kubernetesVersion),
      dnsPrefix,
      fqdn: `${dnsPrefix}-${hash}.hcp.${location}.azmk8s.io`,
      azurePortalFQDN: `${dnsPrefix}-${hash}.portal.hcp.${location}.azmk8s.io`,
      agentPoolProfiles: put.pools,
      addonProfiles: objectAt(sent, 'addonProfiles') ?? {},
      nodeResourceGroup: nodeResourceGroupOf(
        sent,
        oldProperties,
        name,
        put.groupName,
        location,
      ),
      enableRBAC: sent.enableRBAC ?? true,
      supportPlan: stringAt(sent, 'supportPlan') ?? 'KubernetesOfficial',
      networkProfile: put.networkProfile,
      resourceUID: guidFrom(`${id.toLowerCase()}#uid`)
        .replace(/-/g, '')
        .slice(0, 24),
    }),
  };
}

/**
 * What AKS creates with a cluster at once: its node resource group, and a managed VNet
 * in it when a new cluster's pools bring no subnet of their own (and it has a CNI).
 */
function createNodeResources(
  context: SimulatorContext,
  cluster: ArmResourceJson,
  subscriptionId: string,
  location: string,
  created: boolean,
  networking: ClusterNetworking,
): void {
  const nodeResourceGroup =
    stringAt(objectAt(cluster, 'properties'), 'nodeResourceGroup') ?? '';
  const nodeGroupId = resourceGroupId(subscriptionId, nodeResourceGroup);
  if (!context.state.resourceGroup(nodeGroupId)) {
    context.state.putResourceGroup(
      resourceGroupJson(
        subscriptionId,
        nodeResourceGroup,
        location,
        {},
        cluster.id,
      ),
    );
  }
  if (
    created &&
    networking.pools.every(pool => !pool.vnetSubnetID) &&
    networking.plugin !== 'none'
  ) {
    createManagedVnet(
      context,
      subscriptionId,
      nodeResourceGroup,
      location,
      cluster.id,
    );
  }
}

function putCluster(request: ArmRequest, context: SimulatorContext): ArmReply {
  const [s, rg, name] = request.params;
  checkClusterName(name);
  checkNameLength(rg, 'resource group');
  const group = requireResourceGroup(context, s, rg);
  const body = requireBodyObject(request.body);
  const id = providerResourceId(
    s,
    group.name,
    'Microsoft.ContainerService/managedClusters',
    name,
  );
  refuseIfInProgress(context, id, 'Microsoft.ContainerService');
  const existing = context.state.get(id);
  const location = requireLocation(stringAt(body, 'location'));
  checkLocationUnchanged(existing, name, group.name, location);

  const sent = objectAt(body, 'properties') ?? {};
  const oldProperties = objectAt(existing, 'properties');
  const profile = requestedNetworkProfile(sent, oldProperties);
  const planned = planClusterNetwork(profile);
  const kubernetesVersion = requestedKubernetesVersion(sent, oldProperties);
  if (isDualStack(planned.plan.ipFamilies)) {
    checkDualStackVersion(kubernetesVersion);
  }
  const provisioningState = existing ? 'Updating' : 'Creating';
  const pools = objectsAt(sent, 'agentPoolProfiles').map((pool, index) =>
    fillPool(
      pool,
      index,
      planned.plan.plugin,
      kubernetesVersion,
      provisioningState,
    ),
  );
  const networkProfile = storedNetworkProfile(profile, planned);
  const networking = checkClusterNetworking(context, {
    id,
    existing,
    plan: planned.plan,
    networkProfile,
    pools,
    kubernetesVersion,
  });

  const subscription = requireSubscription(context, s);
  const cluster = clusterResource(context, {
    id,
    name,
    groupName: group.name,
    subscription,
    location,
    body,
    existing,
    provisioningState,
    kubernetesVersion,
    pools,
    networkProfile,
  });
  context.state.put(cluster);
  createNodeResources(
    context,
    cluster,
    subscription.subscriptionId,
    location,
    !existing,
    networking,
  );
  const setPools = (state: string) =>
    pools.forEach(pool => (pool.provisioningState = state));
  return beginPut(request, context, {
    namespace: 'Microsoft.ContainerService',
    subscriptionId: subscription.subscriptionId,
    location,
    resource: cluster,
    created: !existing,
    inProgressState: provisioningState,
    view: () => cloneJson(cluster),
    onSucceeded: () => setPools('Succeeded'),
    onFailed: () => setPools('Failed'),
  });
}

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
