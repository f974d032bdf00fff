/**
 * Advanced Container Networking Services (docs/domain.md#acns: ACNS is
 * `networkProfile.advancedNetworking.{enabled, observability.enabled, security.enabled}`).
 *
 * @public
 */
export interface AcnsRecord {
  enabled: boolean;
  /** Hubble flows, Prometheus/Grafana: what makes same-node pod traffic visible. */
  observability: boolean;
  /** FQDN filtering and L7 policy (Cilium only). */
  security: boolean;
}

/**
 * The monitoring addon and the container network logs it stores (docs/domain.md#container-network-logs: "stored flow
 * logs: addonProfiles.omsagent.config.enableContainerNetworkLogs").
 *
 * @public
 */
export interface OmsAgentRecord {
  enabled: boolean;
  containerNetworkLogs: boolean;
  /** The Log Analytics workspace the addon writes to. */
  logAnalyticsWorkspaceId?: string;
}

/**
 * The addons that matter for network posture.
 *
 * @public
 */
export interface ClusterAddons {
  acns: AcnsRecord;
  omsagent: OmsAgentRecord;
}
