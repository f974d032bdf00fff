import { formatIp, parseCidr } from '../ip/IpRange';
import {
  cloneJson,
  compact,
  isJsonObject,
  JsonObject,
  objectAt,
  objectsAt,
  stringAt,
  stringsAt,
} from '../json/JsonValue';
import { badRequest, resourceNotFound } from '../server/ArmError';
import { ArmReply, ArmRequest, ArmRoute, route } from '../server/ArmRoute';
import { pageOf } from '../server/paging';
import { checkPools } from './AgentPoolValidation';
import {
  AKS_DEFAULT_DNS_SERVICE_IP,
  AKS_DEFAULT_MAX_PODS,
  AKS_DEFAULT_POD_CIDR,
  AKS_DEFAULT_POD_CIDR_IPV6,
  AKS_DEFAULT_SERVICE_CIDR,
  AKS_DEFAULT_SERVICE_CIDR_IPV6,
} from './AksDefaults';
import { AKS_OVERLAY_MIGRATION_MIN_VERSION } from './AksLimits';
import {
  checkDualStackVersion,
  entryOfFamily,
  isDualStack,
  readIpFamilies,
} from './DualStack';
import { listRoutes } from './listRoutes';
import { SimulatorContext } from '../server/SimulatorContext';
import { guidFrom, providerResourceId, resourceGroupId } from '../state/armIds';
import { ArmResourceJson } from '../state/SimulatorState';
import {
  clusterNetworking,
  ClusterNetworking,
  MANAGED_CLUSTER_TYPE,
} from './ClusterNetworking';
import { beginDelete, beginPut, refuseIfInProgress } from './longRunning';
import {
  checkCapacity,
  checkCidrs,
  checkNetworkModel,
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
const NODE_IMAGE_VERSION = 'AKSUbuntu-2204gen2containerd-202511.07.0';

/** Pod limit per node when a pool does not set one (see `AKS_DEFAULT_MAX_PODS`). */
function defaultMaxPods(plugin: string): number {
  switch (plugin.toLowerCase()) {
    case 'kubenet':
      return AKS_DEFAULT_MAX_PODS.kubenet;
    case 'none':
      return AKS_DEFAULT_MAX_PODS.none;
    default:
      return AKS_DEFAULT_MAX_PODS.azure;
  }
}

function patchVersion(version: string): string {
  return /^\d+\.\d+$/.test(version) ? `${version}.3` : version;
}

/** The tenth address of a service CIDR, AKS's pick for the DNS IP when none is given. */
function tenthAddress(serviceCidr: string): string {
  const parsed = parseCidr(serviceCidr);
  return parsed.ok
    ? formatIp(parsed.cidr.family, parsed.cidr.network + 10n)
    : AKS_DEFAULT_DNS_SERVICE_IP;
}

function fillPool(
  sent: JsonObject,
  index: number,
  plugin: string,
  kubernetesVersion: string,
  provisioningState: string,
): JsonObject {
  const {
    provisioningState: _state,
    powerState: _power,
    currentOrchestratorVersion: _current,
    nodeImageVersion: _image,
    ...rest
  } = sent;
  return compact({
    count: 1,
    vmSize: 'Standard_D4ds_v5',
    osDiskSizeGB: 128,
    osDiskType: 'Managed',
    kubeletDiskType: 'OS',
    maxPods: defaultMaxPods(plugin),
    type: 'VirtualMachineScaleSets',
    enableAutoScaling: false,
    scaleDownMode: 'Delete',
    mode: index === 0 ? 'System' : 'User',
    osType: 'Linux',
    osSKU: 'Ubuntu',
    enableNodePublicIP: false,
    enableFIPS: false,
    upgradeSettings: { maxSurge: '10%' },
    orchestratorVersion: kubernetesVersion,
    ...compact(rest),
    currentOrchestratorVersion: patchVersion(
      stringAt(rest, 'orchestratorVersion') ?? kubernetesVersion,
    ),
    nodeImageVersion: NODE_IMAGE_VERSION,
    provisioningState,
    powerState: { code: 'Running' },
  });
}

function versionAtLeast(
  version: string,
  min: { major: number; minor: number },
) {
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match) {
    return false;
  }
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > min.major || (major === min.major && minor >= min.minor);
}

/**
 * What may change on an existing cluster: not the plugin, service CIDR, an overlay pod
 * CIDR or a pool's subnet (`PropertyChangeNotAllowed`, as AKS answers); flat → overlay
 * in place only with Kubernetes ≥ 1.27 and no network policy (DESIGN: "Flat → overlay in
 * place is now GA … one-way … needs k8s ≥ 1.27 and no network policy").
 */
function checkUpdate(
  existing: ArmResourceJson,
  plan: NetworkPlan,
  networkPolicy: string | undefined,
  kubernetesVersion: string,
  networking: ClusterNetworking,
): void {
  const before = objectAt(objectAt(existing, 'properties'), 'networkProfile');
  const changed = (field: string, target: string) =>
    badRequest(
      'PropertyChangeNotAllowed',
      `Changing property '${field}' is not allowed.`,
      target,
    );
  const oldPlugin = stringAt(before, 'networkPlugin') ?? 'azure';
  if (oldPlugin.toLowerCase() !== plan.plugin.toLowerCase()) {
    throw changed(
      'networkProfile.networkPlugin',
      'networkProfile.networkPlugin',
    );
  }
  const oldMode = stringAt(before, 'networkPluginMode');
  const wasOverlay = oldMode?.toLowerCase() === 'overlay';
  const isOverlay = plan.mode?.toLowerCase() === 'overlay';
  if (wasOverlay && !isOverlay) {
    throw changed(
      'networkProfile.networkPluginMode',
      'networkProfile.networkPluginMode',
    );
  }
  if (!wasOverlay && isOverlay) {
    if (
      !versionAtLeast(kubernetesVersion, AKS_OVERLAY_MIGRATION_MIN_VERSION) ||
      (networkPolicy !== undefined && networkPolicy.toLowerCase() !== 'none')
    ) {
      throw badRequest(
        'InvalidParameter',
        `Updating networkPluginMode to overlay needs Kubernetes 1.27 or later and no network policy (cluster has ${kubernetesVersion}, network policy '${
          networkPolicy ?? 'none'
        }').`,
        'networkProfile.networkPluginMode',
      );
    }
  }
  const oldPod = stringAt(before, 'podCidr');
  if (wasOverlay && oldPod && plan.podCidr && oldPod !== plan.podCidr) {
    throw changed('networkProfile.podCidr', 'networkProfile.podCIDR');
  }
  const oldService = stringAt(before, 'serviceCidr');
  if (oldService && oldService !== plan.serviceCidr) {
    throw changed('networkProfile.serviceCidr', 'networkProfile.serviceCIDR');
  }
  const oldPools = objectsAt(
    objectAt(existing, 'properties'),
    'agentPoolProfiles',
  );
  networking.pools.forEach((pool, index) => {
    const old = oldPools.find(p => stringAt(p, 'name') === pool.name);
    const oldSubnet = stringAt(old, 'vnetSubnetID');
    if (
      old &&
      (oldSubnet ?? '').toLowerCase() !==
        (pool.vnetSubnetID ?? '').toLowerCase()
    ) {
      throw changed(
        `agentPoolProfiles[${index}].vnetSubnetID`,
        `agentPoolProfiles[${index}].vnetSubnetID`,
      );
    }
  });
}

function putCluster(request: ArmRequest, context: SimulatorContext): ArmReply {
  const [s, rg, name] = request.params;
  // AKS: 1–63 characters, letters, digits, '-' and '_', starting and ending with a letter or digit.
  checkNameLength(name, 'managed cluster', 'InvalidParameter', 'resourceName');
  if (!/^[a-zA-Z0-9]([a-zA-Z0-9_-]*[a-zA-Z0-9])?$/.test(name)) {
    throw badRequest(
      'InvalidParameter',
      `The value of parameter resourceName is invalid: '${name}'. It may contain letters, digits, '-' and '_', and must start and end with a letter or digit.`,
      'resourceName',
    );
  }
  checkNameLength(rg, 'resource group');
  const group = requireResourceGroup(context, s, rg);
  if (!isJsonObject(request.body)) {
    throw invalidContent(
      'The request content was invalid and could not be deserialized.',
    );
  }
  const body = request.body;
  const id = providerResourceId(
    s,
    group.name,
    'Microsoft.ContainerService/managedClusters',
    name,
  );
  refuseIfInProgress(context, id, 'Microsoft.ContainerService');
  const existing = context.state.get(id);
  const location = requireLocation(stringAt(body, 'location'));
  if (existing && stringAt(existing, 'location') !== location) {
    throw badRequest(
      'InvalidResourceLocation',
      `The resource '${name}' already exists in location '${stringAt(
        existing,
        'location',
      )}' in resource group '${
        group.name
      }'. A resource with the same name cannot be created in location '${location}'.`,
    );
  }
  const sent = objectAt(body, 'properties') ?? {};
  const oldProperties = objectAt(existing, 'properties');
  // A PUT without a network profile keeps the one a cluster has; a new cluster without
  // one gets AKS's current default, Azure CNI Overlay.
  const profile =
    objectAt(sent, 'networkProfile') ??
    objectAt(oldProperties, 'networkProfile') ??
    {};
  const plugin = stringAt(profile, 'networkPlugin') ?? 'azure';
  const mode =
    stringAt(profile, 'networkPluginMode') ??
    (stringAt(profile, 'networkPlugin') === undefined ? 'overlay' : undefined);
  const dataplane = stringAt(profile, 'networkDataplane');
  checkNetworkModel(plugin, mode, dataplane);
  const overlayOrKubenet =
    mode?.toLowerCase() === 'overlay' || plugin.toLowerCase() === 'kubenet';
  const ipFamilies = readIpFamilies(profile);
  const dualStack = isDualStack(ipFamilies);
  // The singular fields win; the plural lists (dual-stack) give what they leave out.
  const podCidrs = stringsAt(profile, 'podCidrs');
  const serviceCidrs = stringsAt(profile, 'serviceCidrs');
  const sentPodCidr =
    stringAt(profile, 'podCidr') ?? entryOfFamily(podCidrs, 'ipv4');
  if (sentPodCidr && !overlayOrKubenet && plugin.toLowerCase() === 'azure') {
    throw badRequest(
      'InvalidParameter',
      'podCidr can only be set with networkPlugin kubenet or networkPluginMode overlay: flat Azure CNI gives pods VNet IPs.',
      'networkProfile.podCIDR',
    );
  }
  const serviceCidr =
    stringAt(profile, 'serviceCidr') ??
    entryOfFamily(serviceCidrs, 'ipv4') ??
    AKS_DEFAULT_SERVICE_CIDR;
  const plan: NetworkPlan = {
    plugin,
    mode,
    podCidr: overlayOrKubenet
      ? sentPodCidr ?? AKS_DEFAULT_POD_CIDR
      : sentPodCidr,
    serviceCidr,
    dnsServiceIP:
      stringAt(profile, 'dnsServiceIP') ??
      (serviceCidr === AKS_DEFAULT_SERVICE_CIDR
        ? AKS_DEFAULT_DNS_SERVICE_IP
        : tenthAddress(serviceCidr)),
    ipFamilies,
    // Dual-stack without IPv6 ranges gets AKS's defaults.
    ...(dualStack
      ? {
          podCidrIpv6: overlayOrKubenet
            ? entryOfFamily(podCidrs, 'ipv6') ?? AKS_DEFAULT_POD_CIDR_IPV6
            : undefined,
          serviceCidrIpv6:
            entryOfFamily(serviceCidrs, 'ipv6') ??
            AKS_DEFAULT_SERVICE_CIDR_IPV6,
        }
      : {}),
  };
  const kubernetesVersion =
    stringAt(sent, 'kubernetesVersion') ??
    stringAt(oldProperties, 'kubernetesVersion') ??
    DEFAULT_KUBERNETES_VERSION;
  if (dualStack) {
    checkDualStackVersion(kubernetesVersion);
  }
  const inProgress = existing ? 'Updating' : 'Creating';
  const pools = objectsAt(sent, 'agentPoolProfiles').map((pool, index) =>
    fillPool(pool, index, plugin, kubernetesVersion, inProgress),
  );
  const networkProfile = compact({
    ...profile,
    networkPlugin: plugin,
    networkPluginMode: mode,
    networkDataplane: dataplane ?? 'azure',
    networkPolicy:
      stringAt(profile, 'networkPolicy') ??
      (dataplane?.toLowerCase() === 'cilium' ? 'cilium' : undefined),
    podCidr: plan.podCidr,
    serviceCidr: plan.serviceCidr,
    dnsServiceIP: plan.dnsServiceIP,
    outboundType: stringAt(profile, 'outboundType') ?? 'loadBalancer',
    loadBalancerSku: stringAt(profile, 'loadBalancerSku') ?? 'standard',
    podCidrs: plan.podCidr
      ? [plan.podCidr, ...(plan.podCidrIpv6 ? [plan.podCidrIpv6] : [])]
      : undefined,
    serviceCidrs: [
      plan.serviceCidr,
      ...(plan.serviceCidrIpv6 ? [plan.serviceCidrIpv6] : []),
    ],
    ipFamilies: plan.ipFamilies,
  });
  const candidate: JsonObject = {
    properties: { networkProfile, agentPoolProfiles: pools },
  };
  const networking = clusterNetworking(candidate);
  checkPools(
    networking,
    pools.map(pool => stringAt(pool, 'mode') ?? 'User'),
  );
  if (existing) {
    checkUpdate(
      existing,
      plan,
      stringAt(networkProfile, 'networkPolicy'),
      kubernetesVersion,
      networking,
    );
  }
  const resolved = resolveSubnets(context, networking);
  checkCidrs(plan, resolved);
  checkCapacity(context, networking, resolved, id);

  const subscription = requireSubscription(context, s);
  const hash = guidFrom(id.toLowerCase()).slice(0, 8);
  const dnsPrefix =
    stringAt(sent, 'dnsPrefix') ??
    stringAt(oldProperties, 'dnsPrefix') ??
    `${name.slice(0, 10)}-${group.name.slice(
      0,
      16,
    )}-${subscription.subscriptionId.slice(0, 6)}`;
  const nodeResourceGroup =
    stringAt(oldProperties, 'nodeResourceGroup') ??
    stringAt(sent, 'nodeResourceGroup') ??
    `MC_${group.name}_${name}_${location}`;
  const {
    provisioningState: _state,
    powerState: _power,
    fqdn: _fqdn,
    azurePortalFQDN: _portal,
    currentKubernetesVersion: _current,
    ...rest
  } = sent;
  const cluster: ArmResourceJson = {
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
      provisioningState: inProgress,
      powerState: { code: 'Running' },
      maxAgentPools: 100,
      kubernetesVersion,
      currentKubernetesVersion: patchVersion(kubernetesVersion),
      dnsPrefix,
      fqdn: `${dnsPrefix}-${hash}.hcp.${location}.azmk8s.io`,
      azurePortalFQDN: `${dnsPrefix}-${hash}.portal.hcp.${location}.azmk8s.io`,
      agentPoolProfiles: pools,
      addonProfiles: objectAt(sent, 'addonProfiles') ?? {},
      nodeResourceGroup,
      enableRBAC: sent.enableRBAC ?? true,
      supportPlan: stringAt(sent, 'supportPlan') ?? 'KubernetesOfficial',
      networkProfile,
      resourceUID: guidFrom(`${id.toLowerCase()}#uid`)
        .replace(/-/g, '')
        .slice(0, 24),
    }),
  };
  context.state.put(cluster);
  // AKS creates the node resource group at once, and a managed VNet in it when no
  // pool brings its own subnet.
  const nodeGroupId = resourceGroupId(
    subscription.subscriptionId,
    nodeResourceGroup,
  );
  if (!context.state.resourceGroup(nodeGroupId)) {
    context.state.putResourceGroup(
      resourceGroupJson(
        subscription.subscriptionId,
        nodeResourceGroup,
        location,
        {},
        id,
      ),
    );
  }
  if (
    !existing &&
    networking.pools.every(pool => !pool.vnetSubnetID) &&
    plugin !== 'none'
  ) {
    createManagedVnet(
      context,
      subscription.subscriptionId,
      nodeResourceGroup,
      location,
      id,
    );
  }
  const setPools = (state: string) =>
    pools.forEach(pool => (pool.provisioningState = state));
  return beginPut(request, context, {
    namespace: 'Microsoft.ContainerService',
    subscriptionId: subscription.subscriptionId,
    location,
    resource: cluster,
    created: !existing,
    inProgressState: inProgress,
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
