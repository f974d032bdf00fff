import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/**
 * One figure of the totals: the number written large and what it counts in words, as
 * a group named for it so a screen reader (and a test) reads the two together.
 */
export function FleetFigure(props: {
  name: string;
  value: string;
  children: ReactNode;
}) {
  return (
    <Box role="group" aria-label={props.name} mb={2}>
      <Typography variant="h5" component="p">
        {props.value}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Box>
  );
}
