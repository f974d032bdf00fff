import Box from '@material-ui/core/Box';
import { ReactNode } from 'react';
import { FieldErrors } from './FieldErrors';
import { FieldHeading } from './FieldHeading';

/** What a field says about itself around content that is not its input yet. */
export interface FieldFrameProps {
  title: string;
  description?: string;
  required?: boolean;
  /** The form's errors of the field (`rawErrors`). */
  errors: string[];
  errorsId: string;
}

/**
 * A field while it has nothing to choose from (loading, a failure, an empty list): its
 * title and description, what it is waiting for, and the form's errors of it.
 */
export function FieldFrame(props: FieldFrameProps & { children: ReactNode }) {
  return (
    <Box my={1}>
      <FieldHeading
        title={props.title}
        description={props.description}
        required={props.required}
      />
      {props.children}
      <FieldErrors errors={props.errors} id={props.errorsId} />
    </Box>
  );
}
