import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { aksNetworkPlugin } from '../plugin';
import { AksAddressPoolPicker } from './AksAddressPoolPicker';
import { AksAddressPoolPickerFieldSchema } from './AksAddressPoolPickerSchema';
import { AksNetworkPlan } from './AksNetworkPlan';
import { AksNetworkPlanFieldSchema } from './AksNetworkPlanSchema';
import { aksNetworkPlanValidation } from './aksNetworkPlanValidation';
import { AksSubscriptionPicker } from './AksSubscriptionPicker';
import { AksSubscriptionPickerFieldSchema } from './AksSubscriptionPickerSchema';

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
