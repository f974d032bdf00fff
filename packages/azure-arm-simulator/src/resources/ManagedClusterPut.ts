/**
 * `PUT …/managedClusters/{name}` in named steps: the target, what the request asks
 * (with AKS's defaults), the checks against the stored state, the stored cluster.
 */
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
import { badRequest } from '../server/ArmError';
import { ArmReply, ArmRequest } from '../server/ArmRoute';
import { checkPools } from './AgentPoolValidation';
import { fillPool, patchVersion } from './AgentPoolProfiles';
import { checkDualStackVersion, isDualStack } from './DualStack';
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
import { beginPut, refuseIfInProgress } from './longRunning';
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

/** The cluster a PUT names, after the checks on its name, scope, body and location. */
interface ClusterTarget {
  subscriptionId: string;
  name: string;
  groupName: string;
  id: string;
  body: JsonObject;
  existing: ArmResourceJson | undefined;
  location: string;
}

/**
 * Checks a PUT's target in ARM's order: the names, the resource group, the body, no
 * operation in progress on the cluster, a location, and the same location as before.
 */
function requireClusterTarget(
  request: ArmRequest,
  context: SimulatorContext,
): ClusterTarget {
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
  return {
    subscriptionId: s,
    name,
    groupName: group.name,
    id,
    body,
    existing,
    location,
  };
}

/** What a PUT asks of the cluster, after AKS's defaults. */
interface ClusterSpec {
  plan: NetworkPlan;
  /** The `networkProfile` to store. */
  networkProfile: JsonObject;
  /** The agent pool profiles to store. */
  pools: JsonObject[];
  kubernetesVersion: string;
  /** `Creating` or `Updating`. */
  provisioningState: string;
}

/**
 * Reads what a PUT asks, with AKS's defaults and the checks that need nothing else: the
 * network plan, the Kubernetes version (dual-stack needs a recent one), the pools.
 */
function clusterSpec({ body, existing }: ClusterTarget): ClusterSpec {
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
  return {
    plan: planned.plan,
    networkProfile: storedNetworkProfile(profile, planned),
    pools,
    kubernetesVersion,
    provisioningState,
  };
}

/**
 * The checks that need the pools, the stored state or both, in AKS's order: the pools,
 * what an update may change, the subnets the pools name, the CIDRs against them, and
 * the room in each subnet. Returns the cluster's networking as the checks read it.
 */
function checkClusterNetworking(
  context: SimulatorContext,
  { id, existing }: ClusterTarget,
  spec: ClusterSpec,
): ClusterNetworking {
  const networking = clusterNetworking({
    properties: {
      networkProfile: spec.networkProfile,
      agentPoolProfiles: spec.pools,
    },
  });
  checkPools(
    networking,
    spec.pools.map(pool => stringAt(pool, 'mode') ?? 'User'),
  );
  if (existing) {
    checkUpdate(
      existing,
      spec.plan,
      stringAt(spec.networkProfile, 'networkPolicy'),
      spec.kubernetesVersion,
      networking,
    );
  }
  const resolved = resolveSubnets(context, networking);
  checkCidrs(spec.plan, resolved);
  checkCapacity(context, networking, resolved, id);
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
  target: ClusterTarget,
  spec: ClusterSpec,
  subscription: SimulatedSubscription,
): ArmResourceJson {
  const { id, name, location, body, existing } = target;
  const sent = objectAt(body, 'properties') ?? {};
  const oldProperties = objectAt(existing, 'properties');
  const hash = guidFrom(id.toLowerCase()).slice(0, 8);
  const dnsPrefix = dnsPrefixOf(
    sent,
    oldProperties,
    name,
    target.groupName,
    subscription.subscriptionId,
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
      provisioningState: spec.provisioningState,
      powerState: { code: 'Running' },
      maxAgentPools: 100,
      kubernetesVersion: spec.kubernetesVersion,
      currentKubernetesVersion: patchVersion(spec.kubernetesVersion),
      dnsPrefix,
      fqdn: `${dnsPrefix}-${hash}.hcp.${location}.azmk8s.io`,
      azurePortalFQDN: `${dnsPrefix}-${hash}.portal.hcp.${location}.azmk8s.io`,
      agentPoolProfiles: spec.pools,
      addonProfiles: objectAt(sent, 'addonProfiles') ?? {},
      nodeResourceGroup: nodeResourceGroupOf(
        sent,
        oldProperties,
        name,
        target.groupName,
        location,
      ),
      enableRBAC: sent.enableRBAC ?? true,
      supportPlan: stringAt(sent, 'supportPlan') ?? 'KubernetesOfficial',
      networkProfile: spec.networkProfile,
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

/**
 * `PUT …/managedClusters/{name}` as AKS answers it: the checks, then the cluster stored
 * at once as `Creating` or `Updating` with its node resource group (and managed VNet),
 * the operation ending later.
 */
export function putCluster(
  request: ArmRequest,
  context: SimulatorContext,
): ArmReply {
  const target = requireClusterTarget(request, context);
  const spec = clusterSpec(target);
  const networking = checkClusterNetworking(context, target, spec);
  const subscription = requireSubscription(context, target.subscriptionId);
  const cluster = clusterResource(context, target, spec, subscription);
  context.state.put(cluster);
  createNodeResources(
    context,
    cluster,
    subscription.subscriptionId,
    target.location,
    !target.existing,
    networking,
  );
  const setPools = (state: string) =>
    spec.pools.forEach(pool => (pool.provisioningState = state));
  return beginPut(request, context, {
    namespace: 'Microsoft.ContainerService',
    subscriptionId: subscription.subscriptionId,
    location: target.location,
    resource: cluster,
    created: !target.existing,
    inProgressState: spec.provisioningState,
    view: () => cloneJson(cluster),
    onSucceeded: () => setPools('Succeeded'),
    onFailed: () => setPools('Failed'),
  });
}
