import type {
  ManagedCluster,
  ManagedClusterAddonProfile,
} from '@azure/arm-containerservice';
import { ClusterAddons } from '@aks-network/plugin-aks-network-common';

/**
 * Addon names and config keys are case-insensitive in ARM: the portal writes
 * `omsagent`, older templates `omsAgent`, and config keys arrive as the caller
 * spelled them (`logAnalyticsWorkspaceResourceID`).
 */
function entryIgnoringCase<T>(
  record: Record<string, T> | undefined,
  key: string,
): T | undefined {
  if (!record) {
    return undefined;
  }
  const wanted = key.toLowerCase();
  const found = Object.keys(record).find(k => k.toLowerCase() === wanted);
  return found === undefined ? undefined : record[found];
}

/** Addon config values are strings; ARM stores booleans as `"true"` / `"True"`. */
function configFlag(profile: ManagedClusterAddonProfile, key: string): boolean {
  return (
    entryIgnoringCase(profile.config, key)?.trim().toLowerCase() === 'true'
  );
}

/**
 * Maps the network-relevant addons of a managed cluster.
 *
 * - ACNS from `networkProfile.advancedNetworking.{enabled, observability.enabled,
 *   security.enabled}` (docs/domain.md#acns). Observability and security only count
 *   while ACNS itself is on.
 * - Stored container network logs from
 *   `addonProfiles.omsagent.config.enableContainerNetworkLogs` (docs/domain.md#container-network-logs). Newer
 *   api-versions (2025-10-01 and later, which the SDK in use speaks) also express it
 *   as `azureMonitorProfile.containerInsights.containerNetworkLogs: 'Enabled'`; either
 *   one counts, because the portal writes one and the CLI the other.
 */
export function mapClusterAddons(cluster: ManagedCluster): ClusterAddons {
  const acns = cluster.networkProfile?.advancedNetworking;
  const observabilityFlag = acns?.observability?.enabled === true;
  const securityFlag = acns?.security?.enabled === true;
  // The top-level `enabled` arrived after `observability` (api-version 2024-05-01 had
  // only the sub-flags), so a cluster set up then has no `enabled`: read its sub-flags.
  // An explicit `enabled: false` switches every ACNS feature off, whatever they say.
  const acnsEnabled = acns?.enabled ?? (observabilityFlag || securityFlag);

  const omsagent = entryIgnoringCase(cluster.addonProfiles, 'omsagent');
  const insights = cluster.azureMonitorProfile?.containerInsights;
  const addonOn = omsagent?.enabled === true;
  const insightsOn = insights?.enabled === true;
  const containerNetworkLogs =
    (addonOn && configFlag(omsagent, 'enableContainerNetworkLogs')) ||
    (insightsOn && insights?.containerNetworkLogs?.toLowerCase() === 'enabled');
  const workspaceId =
    (addonOn
      ? entryIgnoringCase(
          omsagent.config,
          'logAnalyticsWorkspaceResourceID',
        )?.trim()
      : undefined) ||
    (insightsOn
      ? insights?.logAnalyticsWorkspaceResourceId?.trim()
      : undefined);

  return {
    acns: {
      enabled: acnsEnabled,
      observability: acnsEnabled && observabilityFlag,
      security: acnsEnabled && securityFlag,
    },
    omsagent: {
      enabled: addonOn || insightsOn,
      containerNetworkLogs,
      ...(workspaceId ? { logAnalyticsWorkspaceId: workspaceId } : {}),
    },
  };
}
