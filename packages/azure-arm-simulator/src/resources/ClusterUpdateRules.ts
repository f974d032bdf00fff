import { JsonObject, objectAt, objectsAt, stringAt } from '../json/JsonValue';
import { ArmError, badRequest } from '../server/ArmError';
import { ArmResourceJson } from '../state/SimulatorState';
import { AKS_OVERLAY_MIGRATION_MIN_VERSION } from './AksLimits';
import { ClusterNetworking } from './ClusterNetworking';
import { NetworkPlan } from './ManagedClusterValidation';

/** AKS's answer to a change it does not make in place. */
function changeNotAllowed(field: string, target: string): ArmError {
  return badRequest(
    'PropertyChangeNotAllowed',
    `Changing property '${field}' is not allowed.`,
    target,
  );
}

function versionAtLeast(
  version: string,
  min: { major: number; minor: number },
): boolean {
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match) {
    return false;
  }
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > min.major || (major === min.major && minor >= min.minor);
}

function checkPluginUnchanged(
  before: JsonObject | undefined,
  plan: NetworkPlan,
) {
  const oldPlugin = stringAt(before, 'networkPlugin') ?? 'azure';
  if (oldPlugin.toLowerCase() !== plan.plugin.toLowerCase()) {
    throw changeNotAllowed(
      'networkProfile.networkPlugin',
      'networkProfile.networkPlugin',
    );
  }
}

/**
 * Overlay stays overlay: the update to it is one-way. Flat Azure CNI becomes overlay
 * in place only with Kubernetes 1.27 or later and no network policy
 * (https://learn.microsoft.com/azure/aks/upgrade-aks-ipam-and-dataplane,
 * https://learn.microsoft.com/azure/aks/azure-cni-overlay).
 */
function checkPluginModeChange(
  wasOverlay: boolean,
  plan: NetworkPlan,
  networkPolicy: string | undefined,
  kubernetesVersion: string,
): void {
  const isOverlay = plan.mode?.toLowerCase() === 'overlay';
  if (wasOverlay && !isOverlay) {
    throw changeNotAllowed(
      'networkProfile.networkPluginMode',
      'networkProfile.networkPluginMode',
    );
  }
  if (
    !wasOverlay &&
    isOverlay &&
    (!versionAtLeast(kubernetesVersion, AKS_OVERLAY_MIGRATION_MIN_VERSION) ||
      (networkPolicy !== undefined && networkPolicy.toLowerCase() !== 'none'))
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

/** An overlay cluster's pod CIDR and any cluster's service CIDR stay as they are. */
function checkCidrsUnchanged(
  before: JsonObject | undefined,
  wasOverlay: boolean,
  plan: NetworkPlan,
): void {
  const oldPod = stringAt(before, 'podCidr');
  if (wasOverlay && oldPod && plan.podCidr && oldPod !== plan.podCidr) {
    throw changeNotAllowed('networkProfile.podCidr', 'networkProfile.podCIDR');
  }
  const oldService = stringAt(before, 'serviceCidr');
  if (oldService && oldService !== plan.serviceCidr) {
    throw changeNotAllowed(
      'networkProfile.serviceCidr',
      'networkProfile.serviceCIDR',
    );
  }
}

/** A pool the cluster already has keeps its node subnet. */
function checkPoolSubnetsUnchanged(
  existing: ArmResourceJson,
  networking: ClusterNetworking,
): void {
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
      throw changeNotAllowed(
        `agentPoolProfiles[${index}].vnetSubnetID`,
        `agentPoolProfiles[${index}].vnetSubnetID`,
      );
    }
  });
}

/**
 * What may change on an existing cluster: not the plugin, service CIDR, an overlay pod
 * CIDR or a pool's subnet (`PropertyChangeNotAllowed`, as AKS answers); flat → overlay
 * in place as {@link checkPluginModeChange} allows.
 */
export function checkUpdate(
  existing: ArmResourceJson,
  plan: NetworkPlan,
  networkPolicy: string | undefined,
  kubernetesVersion: string,
  networking: ClusterNetworking,
): void {
  const before = objectAt(objectAt(existing, 'properties'), 'networkProfile');
  const wasOverlay =
    stringAt(before, 'networkPluginMode')?.toLowerCase() === 'overlay';
  checkPluginUnchanged(before, plan);
  checkPluginModeChange(wasOverlay, plan, networkPolicy, kubernetesVersion);
  checkCidrsUnchanged(before, wasOverlay, plan);
  checkPoolSubnetsUnchanged(existing, networking);
}
