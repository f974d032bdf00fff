/** Values of the whole form, keyed by field name, as JSON holds them. */
export type FormValues = Record<string, unknown>;

/**
 * The whole form as the scaffolder hands it to a field: its Stepper puts every step's
 * data so far in `formContext.formData` and renews it on every change, so a field can
 * read its siblings live. The context is untyped; anything but an object reads as empty.
 */
export function formValuesOf(formContext: unknown): FormValues {
  if (typeof formContext !== 'object' || formContext === null) {
    return {};
  }
  const formData = (formContext as { formData?: unknown }).formData;
  return typeof formData === 'object' &&
    formData !== null &&
    !Array.isArray(formData)
    ? (formData as FormValues)
    : {};
}

/** A text value of the form, or undefined when it is empty or not text. */
export function textValue(values: FormValues, field: string) {
  const value = values[field];
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}
