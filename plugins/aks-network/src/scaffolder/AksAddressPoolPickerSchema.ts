import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/**
 * The address pool picker's value, the pool id, and its options.
 *
 * @public
 */
export const AksAddressPoolPickerFieldSchema = makeFieldSchema({
  output: z => z.string().describe('The id of an aks-network address pool'),
  uiOptions: z =>
    z.object({
      regionField: z
        .string()
        .optional()
        .describe(
          'The form field holding the cluster region; only its pools are offered (default region)',
        ),
    }),
});

/**
 * The `ui:options` of `ui:field: AksAddressPoolPicker`.
 *
 * @public
 */
export interface AksAddressPoolPickerUiOptions {
  /** The form field holding the cluster's region; default `region`. */
  regionField?: string;
}

/**
 * The props the scaffolder passes to `AksAddressPoolPicker`.
 *
 * @public
 */
export type AksAddressPoolPickerProps =
  typeof AksAddressPoolPickerFieldSchema.TProps;
