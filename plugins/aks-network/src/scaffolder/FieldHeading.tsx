import Typography from '@material-ui/core/Typography';

/**
 * The field's title and description (its JSON schema's) while there is no input to
 * label yet: loading, a failure or nothing to choose from.
 */
export function FieldHeading(props: {
  title: string;
  description?: string;
  required?: boolean;
}) {
  return (
    <>
      <Typography variant="subtitle2" component="div">
        {props.title}
        {props.required ? ' (required)' : ''}
      </Typography>
      {props.description ? (
        <Typography variant="caption" color="textSecondary" component="div">
          {props.description}
        </Typography>
      ) : null}
    </>
  );
}
