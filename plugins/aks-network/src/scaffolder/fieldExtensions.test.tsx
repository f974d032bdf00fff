import {
  FieldExtensionOptions,
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
} from '@backstage/plugin-scaffolder-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { AksAddressPoolPicker } from './AksAddressPoolPicker';
import { AksNetworkPlan } from './AksNetworkPlan';
import { aksNetworkPlanValidation } from './aksNetworkPlanValidation';
import { AksSubscriptionPicker } from './AksSubscriptionPicker';
import {
  AksAddressPoolPickerFieldExtension,
  AksNetworkPlanFieldExtension,
  AksSubscriptionPickerFieldExtension,
} from './index';
import {
  aksAddressPoolPickerFormField,
  aksNetworkPlanFormField,
  aksSubscriptionPickerFormField,
} from './formFields';

let found: FieldExtensionOptions[] = [];

/** Collects the fields as the scaffolder's Router does from its outlet. */
function Collect() {
  found = useCustomFieldExtensions(
    <ScaffolderFieldExtensions>
      <AksSubscriptionPickerFieldExtension />
      <AksAddressPoolPickerFieldExtension />
      <AksNetworkPlanFieldExtension />
    </ScaffolderFieldExtensions>,
  );
  return <div>collected</div>;
}

describe('the scaffolder field extensions', () => {
  it('register the three ui:field names with their components, and the plan its validator', async () => {
    await renderInTestApp(<Collect />);
    expect(screen.getByText('collected')).toBeInTheDocument();
    const byName = Object.fromEntries(found.map(field => [field.name, field]));
    expect(Object.keys(byName)).toEqual([
      'AksSubscriptionPicker',
      'AksAddressPoolPicker',
      'AksNetworkPlan',
    ]);
    // Each component is loaded with the form, and is the field itself once loaded.
    for (const [name, real] of [
      ['AksSubscriptionPicker', AksSubscriptionPicker],
      ['AksAddressPoolPicker', AksAddressPoolPicker],
      ['AksNetworkPlan', AksNetworkPlan],
    ] as const) {
      expect(byName[name].component).not.toBe(real);
      expect(byName[name].component.name).toBe('LazyField');
    }
    expect(byName.AksNetworkPlan.validation).toBe(aksNetworkPlanValidation);
    expect(byName.AksSubscriptionPicker.validation).toBeUndefined();
    expect(byName.AksNetworkPlan.schema?.returnValue).toMatchObject({
      type: 'object',
      required: ['valid'],
    });
    expect(byName.AksAddressPoolPicker.schema?.uiOptions).toMatchObject({
      properties: { regionField: { type: 'string' } },
    });
  });

  it('exist as form fields of the new frontend system', () => {
    for (const field of [
      aksSubscriptionPickerFormField,
      aksAddressPoolPickerFormField,
      aksNetworkPlanFormField,
    ]) {
      expect(field.$$type).toBe('@backstage/scaffolder/FormField');
    }
    expect(aksNetworkPlanFormField).toMatchObject({
      name: 'AksNetworkPlan',
      validation: aksNetworkPlanValidation,
    });
  });
});
