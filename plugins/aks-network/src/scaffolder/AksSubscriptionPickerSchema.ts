import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/**
 * The subscription picker's value: the id of a subscription the inventory reads. It
 * takes no options.
 *
 * @public
 */
export const AksSubscriptionPickerFieldSchema = makeFieldSchema({
  output: z => z.string().describe('The Azure subscription id'),
  uiOptions: z => z.object({}),
});

/**
 * The props the scaffolder passes to `AksSubscriptionPicker`.
 *
 * @public
 */
export type AksSubscriptionPickerProps =
  typeof AksSubscriptionPickerFieldSchema.TProps;
