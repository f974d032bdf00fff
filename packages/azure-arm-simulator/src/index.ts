/**
 * An HTTPS server speaking the subset of Azure Resource Manager that the AKS network
 * plugins use, for the local default and the tests. Production code never imports it.
 *
 * @packageDocumentation
 */

export { startArmSimulator, DEFAULT_TENANT_ID } from './startArmSimulator';
export type {
  ArmSimulator,
  ArmSimulatorOptions,
  ArmSimulatorStateView,
} from './startArmSimulator';
export { loadFleet, parseFleet } from './fleet/loadFleet';
export type {
  SimulatorFleet,
  FleetSubscription,
  FleetVirtualNetwork,
  FleetSubnet,
  FleetFlowLog,
  FleetNetworkSecurityGroup,
  FleetSecurityRule,
  FleetCluster,
  FleetClusterNetwork,
  FleetPool,
  FleetAddressPool,
} from './fleet/SimulatorFleet';
export type {
  FaultSettings,
  FailingOperation,
  OperationMatch,
  SlowOperation,
  StuckOperation,
} from './faults/FaultSettings';
export type { CallFault, RecordedFault } from './faults/FaultInjector';
export type { ArmProvider } from './server/ArmRoute';
export type { CallCounts, CallRecord } from './calls/CallLog';
export type {
  AsyncOperation,
  AsyncOperationStatus,
} from './operations/AsyncOperations';
export type {
  ArmResourceJson,
  SimulatedSubscription,
} from './state/SimulatorState';
export type { JsonObject, JsonValue } from './json/JsonValue';
export type { TlsMaterial } from './tls/selfSignedCertificate';
export { SUPPORTED_API_VERSIONS } from './server/apiVersions';
export { simulatedClusterCaPem } from './resources/ClusterUserCredentials';

/** The api-version `@azure/arm-containerservice` 25.5.0 sends. @public */
export const CONTAINER_SERVICE_API_VERSION = '2026-06-01';
/** The api-version `@azure/arm-network` 39.0.0 sends. @public */
export const NETWORK_API_VERSION = '2026-01-01';
/** The api-version `@azure/arm-resources-subscriptions` 3.0.0 sends. @public */
export const SUBSCRIPTIONS_API_VERSION = '2022-12-01';
