export {
  AksAddressPoolPickerFieldExtension,
  AksNetworkPlanFieldExtension,
  AksSubscriptionPickerFieldExtension,
} from './fieldExtensions';
export type { AksSubscriptionPickerProps } from './AksSubscriptionPickerSchema';
export type {
  AksAddressPoolPickerProps,
  AksAddressPoolPickerUiOptions,
} from './AksAddressPoolPickerSchema';
export type {
  AksNetworkPlanProps,
  AksNetworkPlanUiOptions,
  AksNetworkPlanValue,
} from './AksNetworkPlanSchema';
