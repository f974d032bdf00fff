/**
 * The AKS network backend plugin: cluster inventory, address pools and their HTTP API.
 *
 * What an adopter needs, and no more: the plugin (the default export), the service ref
 * and the service it names (to replace its factory, e.g. with another inventory
 * source), the interfaces such a replacement implements, the records the service
 * answers with, and the permission rules and conditions a permission policy uses.
 * Everything else (the store, the sync, the routes) is the plugin's own.
 *
 * @packageDocumentation
 */

export { aksNetworkPlugin as default } from './plugin';
export { aksNetworkServiceRef } from './service/aksNetworkServiceRef';
export { AksNetworkService } from './service/AksNetworkService';
export type { AksNetworkServiceOptions } from './service/AksNetworkService';
export type {
  InventoryReader,
  InventorySubscriptions,
  SubscriptionInventoryRead,
} from './sync/InventorySource';
export type {
  VnetRead,
  VnetSubnetSource,
} from './reservations/VnetSubnetSource';
export type { AksNetworkBackendSettings } from './config';
export type {
  CompensatingControlsSettings,
  SubscriptionFlowExport,
} from './config/compensatingControlsConfig';
export { NOTIFIED_CLUSTER_CHECKS } from './notifications/notificationSettings';
export type {
  NotificationSettings,
  NotifiedClusterCheck,
} from './notifications/notificationSettings';
export type { DeclaredControlSettings } from './sync/declaredControls';
// The parts the service holds, as types: what a test or a replacement factory reaches.
export type {
  AddressPoolPage,
  AksNetworkStore,
  ClusterPage,
  FinishSyncRunInput,
  FleetClusterPageResult,
  FleetTotals,
  ListClustersQuery,
  ListReservationsQuery,
  PreviewSubnetRequest,
  ReservationRef,
  ReserveSubnetRequest,
  SubscriptionReadInput,
  UpsertClustersOptions,
  UpsertClustersResult,
} from './database/AksNetworkStore';
export type { ClusterPolicy } from './plan/ClusterPolicy';
export type {
  ClusterInventorySync,
  ClusterInventorySyncOptions,
} from './sync/ClusterInventorySync';
export type {
  FullRefreshResult,
  InventoryRefresh,
  InventoryRefreshOptions,
} from './sync/InventoryRefresh';
export * from './model';
export * from './permissions';
