import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { aksNetworkPlugin } from '../plugin';
import {
  AksAddressPoolPickerFieldSchema,
  AksAddressPoolPickerProps,
} from './AksAddressPoolPickerSchema';
import {
  AksNetworkPlanFieldSchema,
  AksNetworkPlanProps,
} from './AksNetworkPlanSchema';
import { aksNetworkPlanValidation } from './aksNetworkPlanValidation';
import {
  AksSubscriptionPickerFieldSchema,
  AksSubscriptionPickerProps,
} from './AksSubscriptionPickerSchema';
import { lazyField } from './lazyField';

// The components load with the form; the schemas and the validator (which the
// scaffolder runs on Next) are small and come with the extensions.
const AksSubscriptionPicker = lazyField<AksSubscriptionPickerProps>(() =>
  import('./AksSubscriptionPicker').then(m => m.AksSubscriptionPicker),
);
const AksAddressPoolPicker = lazyField<AksAddressPoolPickerProps>(() =>
  import('./AksAddressPoolPicker').then(m => m.AksAddressPoolPicker),
);
const AksNetworkPlan = lazyField<AksNetworkPlanProps>(() =>
  import('./AksNetworkPlan').then(m => m.AksNetworkPlan),
);

/**
 * `ui:field: AksSubscriptionPicker` for the legacy frontend system: put it inside
 * `<ScaffolderFieldExtensions>` of the `/create` route.
 *
 * @public
 */
export const AksSubscriptionPickerFieldExtension = aksNetworkPlugin.provide(
  createScaffolderFieldExtension({
    name: 'AksSubscriptionPicker',
    component: AksSubscriptionPicker,
    schema: AksSubscriptionPickerFieldSchema.schema,
  }),
);

/**
 * `ui:field: AksAddressPoolPicker` for the legacy frontend system.
 *
 * @public
 */
export const AksAddressPoolPickerFieldExtension = aksNetworkPlugin.provide(
  createScaffolderFieldExtension({
    name: 'AksAddressPoolPicker',
    component: AksAddressPoolPicker,
    schema: AksAddressPoolPickerFieldSchema.schema,
  }),
);

/**
 * `ui:field: AksNetworkPlan` for the legacy frontend system, with the validator that
 * keeps Next from passing an invalid plan.
 *
 * @public
 */
export const AksNetworkPlanFieldExtension = aksNetworkPlugin.provide(
  createScaffolderFieldExtension({
    name: 'AksNetworkPlan',
    component: AksNetworkPlan,
    validation: aksNetworkPlanValidation,
    schema: AksNetworkPlanFieldSchema.schema,
  }),
);
