import FormHelperText from '@material-ui/core/FormHelperText';

/**
 * The errors the form holds for a field (`rawErrors`): those of the JSON schema, such as
 * a missing required value, and those its validator added on Next, in words.
 */
export function FieldErrors(props: { errors?: string[]; id?: string }) {
  const errors = props.errors ?? [];
  if (errors.length === 0) {
    return null;
  }
  return (
    <div id={props.id} role="alert">
      {errors.map(error => (
        <FormHelperText key={error} error>
          {error}
        </FormHelperText>
      ))}
    </div>
  );
}
