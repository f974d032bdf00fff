import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/** `ui:field: AksSubscriptionPicker`, loaded when a form needs it. @alpha */
export const aksSubscriptionPickerFormFieldExtension = FormFieldBlueprint.make({
  name: 'aks-subscription-picker',
  params: {
    field: () =>
      import('../scaffolder/formFields').then(
        m => m.aksSubscriptionPickerFormField,
      ),
  },
});

/** `ui:field: AksAddressPoolPicker`, loaded when a form needs it. @alpha */
export const aksAddressPoolPickerFormFieldExtension = FormFieldBlueprint.make({
  name: 'aks-address-pool-picker',
  params: {
    field: () =>
      import('../scaffolder/formFields').then(
        m => m.aksAddressPoolPickerFormField,
      ),
  },
});

/** `ui:field: AksNetworkPlan` with its validator, loaded when a form needs it. @alpha */
export const aksNetworkPlanFormFieldExtension = FormFieldBlueprint.make({
  name: 'aks-network-plan',
  params: {
    field: () =>
      import('../scaffolder/formFields').then(m => m.aksNetworkPlanFormField),
  },
});

/**
 * The three fields of a network plan in the scaffolder's form, for the new frontend
 * system: a module of the scaffolder plugin.
 *
 * @alpha
 */
export const aksNetworkScaffolderModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [
    aksSubscriptionPickerFormFieldExtension,
    aksAddressPoolPickerFormFieldExtension,
    aksNetworkPlanFormFieldExtension,
  ],
});
