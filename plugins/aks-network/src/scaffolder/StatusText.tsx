import { makeStyles, Theme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import { ReactNode } from 'react';

/** How a status reads: fine, worth a look, or in the way. */
export type StatusSeverity = 'ok' | 'warning' | 'error';

const useStyles = makeStyles((theme: Theme) => ({
  line: { display: 'flex', alignItems: 'flex-start', gap: theme.spacing(1) },
  icon: { flexShrink: 0, width: '1em', height: '1em', marginTop: '0.15em' },
  ok: { fill: theme.palette.success.main },
  warning: { fill: theme.palette.warning.main },
  error: { fill: theme.palette.error.main },
}));

const ICONS = {
  ok: CheckCircleOutline,
  warning: ReportProblemOutlined,
  error: ErrorOutline,
};

/**
 * A status as an icon beside words that say it. The words carry the meaning (the icon
 * is hidden from screen readers, and its colour is only a second cue), since people
 * who cannot tell red from green read the same text.
 */
export function StatusText(props: {
  severity: StatusSeverity;
  children: ReactNode;
  variant?: 'body2' | 'caption';
  'data-testid'?: string;
}) {
  const classes = useStyles();
  const Icon = ICONS[props.severity];
  return (
    <Typography
      component="span"
      variant={props.variant ?? 'body2'}
      className={classes.line}
      data-testid={props['data-testid']}
    >
      <Icon
        aria-hidden="true"
        className={`${classes.icon} ${classes[props.severity]}`}
      />
      <span>{props.children}</span>
    </Typography>
  );
}
