// The fields' schemas (their value and options types), for apps that build a field of
// their own on the same value.
export { AksAddressPoolPickerFieldSchema } from './AksAddressPoolPickerSchema';
export { AksNetworkPlanFieldSchema } from './AksNetworkPlanSchema';
export { AksSubscriptionPickerFieldSchema } from './AksSubscriptionPickerSchema';
