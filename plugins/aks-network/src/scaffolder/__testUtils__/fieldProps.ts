import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';

/**
 * The props the scaffolder's form hands a custom field, as its Stepper builds them:
 * the field's JSON schema and uiSchema, its value, the whole form in
 * `formContext.formData`, `rawErrors` (an empty list when there are none) and
 * `disabled`/`readonly` false. The RJSF registry is not used by these fields.
 */
export function fieldProps<TValue, TUiOptions>(options: {
  name: string;
  schema: Record<string, unknown>;
  onChange: (value: TValue | undefined) => void;
  formData?: TValue;
  form?: Record<string, unknown>;
  uiOptions?: TUiOptions;
  rawErrors?: string[];
  required?: boolean;
}): FieldExtensionComponentProps<TValue, TUiOptions> {
  const form = {
    ...options.form,
    ...(options.formData === undefined
      ? {}
      : { [options.name]: options.formData }),
  };
  return {
    name: options.name,
    schema: options.schema,
    uiSchema: options.uiOptions ? { 'ui:options': options.uiOptions } : {},
    idSchema: { $id: `root_${options.name}` },
    formData: options.formData,
    onChange: options.onChange,
    onBlur: () => {},
    onFocus: () => {},
    formContext: { formData: form },
    rawErrors: options.rawErrors ?? [],
    required: options.required,
    disabled: false,
    readonly: false,
    registry: {},
  } as unknown as FieldExtensionComponentProps<TValue, TUiOptions>;
}
