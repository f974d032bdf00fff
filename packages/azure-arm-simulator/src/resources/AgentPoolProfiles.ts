import { compact, JsonObject, stringAt } from '../json/JsonValue';
import { AKS_DEFAULT_MAX_PODS } from './AksDefaults';

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

/** A `major.minor` version as the patch AKS runs of it. */
export function patchVersion(version: string): string {
  return /^\d+\.\d+$/.test(version) ? `${version}.3` : version;
}

/**
 * An agent pool profile as AKS stores it: the one sent, read-only fields dropped, with
 * AKS's defaults (the first pool is the System pool) and the state of the operation.
 */
export function fillPool(
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
