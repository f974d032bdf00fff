/**
 * Frontend of the AKS network plugin set (legacy frontend system; the new one is in
 * `/alpha`): the posture card of a component, the card of a cluster, the fleet page,
 * and the scaffolder fields of a network plan.
 *
 * @packageDocumentation
 */

export {
  aksNetworkPlugin,
  AksFleetPage,
  EntityAksClusterCard,
  EntityAksNetworkPostureCard,
} from './plugin';
export { aksNetworkApiRef } from './api/aksNetworkApiRef';
export {
  isAksClusterEntity,
  isAksNetworkAvailable,
} from './components/network/entityFilters';
export type { EntityAksNetworkPostureCardProps } from './components/EntityAksNetworkPostureCard';
export type { EntityAksClusterCardProps } from './components/EntityAksClusterCard';
export {
  AksAddressPoolPickerFieldExtension,
  AksNetworkPlanFieldExtension,
  AksSubscriptionPickerFieldExtension,
} from './scaffolder';
export {
  AksAddressPoolPickerFieldSchema,
  AksNetworkPlanFieldSchema,
  AksSubscriptionPickerFieldSchema,
} from './scaffolder/fieldSchemas';
export type {
  AksAddressPoolPickerProps,
  AksAddressPoolPickerUiOptions,
  AksNetworkPlanProps,
  AksNetworkPlanUiOptions,
  AksNetworkPlanValue,
  AksSubscriptionPickerProps,
} from './scaffolder';
