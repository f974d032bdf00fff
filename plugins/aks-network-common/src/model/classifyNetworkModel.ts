import { ClusterRecord } from '../cluster';
import { NetworkDataplane, NetworkModel } from './NetworkModel';
import { NetworkModelClassification } from './NetworkModelClassification';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownField(value: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key)
    ? value[key]
    : undefined;
}

/** ARM enum values are case-insensitive; an empty string means "not set". */
function armText(value: unknown): string | undefined | { invalid: unknown } {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    return { invalid: value };
  }
  const text = value.trim().toLowerCase();
  return text === '' ? undefined : text;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : `a ${typeof value}`;
}

function hasPodSubnet(agentPools: unknown): boolean {
  if (!Array.isArray(agentPools)) {
    return false;
  }
  return agentPools.some(pool => {
    if (!isRecord(pool)) {
      return false;
    }
    // ARM spells it podSubnetID; the JS SDK and our record spell it podSubnetId.
    const id = ownField(pool, 'podSubnetID') ?? ownField(pool, 'podSubnetId');
    return typeof id === 'string' && id.trim() !== '';
  });
}

/**
 * Which network model and dataplane an AKS cluster uses, from its ARM shape: either a
 * managed cluster resource (`{ properties: { networkProfile, agentPoolProfiles } }`)
 * or its properties (`{ networkProfile, agentPoolProfiles }`, as the JS SDK returns).
 *
 * Rules (docs/domain.md#arm-network-model): plugin `azure` + mode `overlay` = overlay (so is a flat
 * cluster migrated in place, whatever its pod CIDR); `azure` without mode = flat, and
 * pod subnet when any pool has `podSubnetID`; `kubenet`; `none` = BYO CNI. Dataplane
 * `cilium` = Azure CNI powered by Cilium, absent = `azure`. Anything else is
 * `known: false`; this function never throws.
 *
 * @public
 */
export function classifyNetworkModel(
  cluster: unknown,
): NetworkModelClassification {
  if (!isRecord(cluster)) {
    return { known: false, reason: 'The cluster is not an object.' };
  }
  const properties = isRecord(ownField(cluster, 'properties'))
    ? (ownField(cluster, 'properties') as Record<string, unknown>)
    : cluster;
  const profile = ownField(properties, 'networkProfile');
  if (!isRecord(profile)) {
    return { known: false, reason: 'The cluster has no networkProfile.' };
  }

  const dataplaneText = armText(ownField(profile, 'networkDataplane'));
  let dataplane: NetworkDataplane;
  if (dataplaneText === undefined || dataplaneText === 'azure') {
    dataplane = 'azure';
  } else if (dataplaneText === 'cilium') {
    dataplane = 'cilium';
  } else {
    return {
      known: false,
      reason: `networkProfile.networkDataplane is ${describe(
        typeof dataplaneText === 'string'
          ? dataplaneText
          : dataplaneText.invalid,
      )}, expected 'azure' or 'cilium'.`,
    };
  }

  const plugin = armText(ownField(profile, 'networkPlugin'));
  const mode = armText(ownField(profile, 'networkPluginMode'));
  const result = (
    model: NetworkModel,
    reason: string,
  ): NetworkModelClassification => ({
    known: true,
    model,
    dataplane,
    reason: dataplane === 'cilium' ? `${reason}, dataplane cilium` : reason,
  });
  // kubenet and a CNI of one's own have no Azure dataplane (DOMAIN_FACTS
  // .noAzureDataplane); Cilium runs only under networkPlugin azure.
  const withoutDataplane = (
    model: NetworkModel,
    reason: string,
  ): NetworkModelClassification =>
    dataplane === 'cilium'
      ? {
          known: false,
          reason: `networkProfile.networkDataplane is 'cilium' with ${reason}; Cilium runs only with networkPlugin 'azure'.`,
        }
      : { known: true, model, dataplane: null, reason };

  if (plugin === undefined) {
    return { known: false, reason: 'networkProfile.networkPlugin is missing.' };
  }
  if (typeof plugin !== 'string') {
    return {
      known: false,
      reason: `networkProfile.networkPlugin is ${describe(
        plugin.invalid,
      )}, expected a string.`,
    };
  }
  switch (plugin) {
    case 'azure':
      if (mode === 'overlay') {
        return result(
          'azure-cni-overlay',
          "networkPlugin 'azure' with networkPluginMode 'overlay'",
        );
      }
      if (mode !== undefined) {
        return {
          known: false,
          reason: `networkProfile.networkPluginMode is ${describe(
            typeof mode === 'string' ? mode : mode.invalid,
          )}, expected 'overlay' or none.`,
        };
      }
      if (hasPodSubnet(ownField(properties, 'agentPoolProfiles'))) {
        return result(
          'azure-cni-pod-subnet',
          "networkPlugin 'azure' without a mode, and an agent pool has a podSubnetID",
        );
      }
      return result(
        'azure-cni-node-subnet',
        "networkPlugin 'azure' without a mode",
      );
    case 'kubenet':
      return withoutDataplane('kubenet', "networkPlugin 'kubenet'");
    case 'none':
      return withoutDataplane('byo-cni', "networkPlugin 'none'");
    default:
      return {
        known: false,
        reason: `networkProfile.networkPlugin is '${plugin}', expected 'azure', 'kubenet' or 'none'.`,
      };
  }
}

/**
 * {@link classifyNetworkModel} for an inventory record.
 *
 * @public
 */
export function classifyClusterRecord(
  cluster: ClusterRecord,
): NetworkModelClassification {
  return classifyNetworkModel({
    networkProfile: cluster.networkProfile,
    agentPoolProfiles: cluster.nodePools,
  });
}
