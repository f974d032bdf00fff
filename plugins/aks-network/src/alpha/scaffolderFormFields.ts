import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/**
 * The three fields of a network plan in the scaffolder's form, for the new frontend
 * system: a module of the scaffolder plugin, each field loaded when a form needs it.
 */
export const aksNetworkScaffolderModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [
    FormFieldBlueprint.make({
      name: 'aks-subscription-picker',
      params: {
        field: () =>
          import('../scaffolder/formFields').then(
            m => m.aksSubscriptionPickerFormField,
          ),
      },
    }),
    FormFieldBlueprint.make({
      name: 'aks-address-pool-picker',
      params: {
        field: () =>
          import('../scaffolder/formFields').then(
            m => m.aksAddressPoolPickerFormField,
          ),
      },
    }),
    FormFieldBlueprint.make({
      name: 'aks-network-plan',
      params: {
        field: () =>
          import('../scaffolder/formFields').then(
            m => m.aksNetworkPlanFormField,
          ),
      },
    }),
  ],
});
