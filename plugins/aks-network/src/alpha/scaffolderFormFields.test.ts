import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { aksNetworkPlanValidation } from '../scaffolder/aksNetworkPlanValidation';
import {
  aksAddressPoolPickerFormFieldExtension,
  aksNetworkPlanFormFieldExtension,
  aksNetworkScaffolderModule,
  aksSubscriptionPickerFormFieldExtension,
} from './scaffolderFormFields';

describe('the scaffolder module of the new frontend system', () => {
  it('belongs to the scaffolder plugin', () => {
    expect(aksNetworkScaffolderModule.pluginId).toBe('scaffolder');
  });

  const loaders = {
    AksSubscriptionPicker: () =>
      createExtensionTester(aksSubscriptionPickerFormFieldExtension).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      ),
    AksAddressPoolPicker: () =>
      createExtensionTester(aksAddressPoolPickerFormFieldExtension).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      ),
    AksNetworkPlan: () =>
      createExtensionTester(aksNetworkPlanFormFieldExtension).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      ),
  };

  it.each(Object.keys(loaders) as Array<keyof typeof loaders>)(
    'loads the %s field from its extension',
    async name => {
      const load = loaders[name]();
      const field = (await load()) as unknown as { name: string };
      expect(field).toMatchObject({
        $$type: '@backstage/scaffolder/FormField',
        name,
      });
    },
  );

  it('gives the plan field its validator', async () => {
    const loadPlanField = loaders.AksNetworkPlan;
    expect(await loadPlanField()()).toMatchObject({
      validation: aksNetworkPlanValidation,
    });
  });
});
