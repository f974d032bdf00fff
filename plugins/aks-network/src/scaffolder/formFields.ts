import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { AksAddressPoolPicker } from './AksAddressPoolPicker';
import { AksAddressPoolPickerFieldSchema } from './AksAddressPoolPickerSchema';
import { AksNetworkPlan } from './AksNetworkPlan';
import { AksNetworkPlanFieldSchema } from './AksNetworkPlanSchema';
import { aksNetworkPlanValidation } from './aksNetworkPlanValidation';
import { AksSubscriptionPicker } from './AksSubscriptionPicker';
import { AksSubscriptionPickerFieldSchema } from './AksSubscriptionPickerSchema';

/*
 * The same three fields for the new frontend system, to be loaded by a
 * `FormFieldBlueprint` of the scaffolder plugin. The names are the `ui:field` values of
 * the template, as in the legacy extensions.
 */

/** @alpha */
export const aksSubscriptionPickerFormField = createFormField({
  name: 'AksSubscriptionPicker',
  component: AksSubscriptionPicker,
  schema: AksSubscriptionPickerFieldSchema,
});

/** @alpha */
export const aksAddressPoolPickerFormField = createFormField({
  name: 'AksAddressPoolPicker',
  component: AksAddressPoolPicker,
  schema: AksAddressPoolPickerFieldSchema,
});

/** @alpha */
export const aksNetworkPlanFormField = createFormField({
  name: 'AksNetworkPlan',
  component: AksNetworkPlan,
  validation: aksNetworkPlanValidation,
  schema: AksNetworkPlanFieldSchema,
});
