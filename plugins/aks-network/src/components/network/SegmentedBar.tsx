import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme } from '@material-ui/core/styles';

/** What a segment stands for; each has its own colour and its own words. */
export type SegmentKind = 'used' | 'surge' | 'free' | 'reserved' | 'over';

export interface Segment {
  kind: SegmentKind;
  label: string;
  value: number;
}

const useStyles = makeStyles((theme: Theme) => ({
  bar: {
    display: 'flex',
    height: 14,
    borderRadius: 3,
    overflow: 'hidden',
    border: `1px solid ${theme.palette.divider}`,
    background: theme.palette.background.default,
  },
  used: { background: theme.palette.primary.main },
  surge: { background: theme.palette.warning.main },
  free: { background: theme.palette.success.light },
  // Hatched, so Azure's share reads apart from the rest without its colour.
  reserved: {
    background: `repeating-linear-gradient(45deg, ${theme.palette.grey[500]}, ${theme.palette.grey[500]} 3px, ${theme.palette.grey[300]} 3px, ${theme.palette.grey[300]} 6px)`,
  },
  over: { background: theme.palette.error.main },
}));

/**
 * One stacked bar of a whole split into parts (used, surge, free, reserved). The bar is
 * a picture of the numbers printed next to it; it carries them as its accessible name.
 */
export function SegmentedBar(props: { segments: Segment[]; label: string }) {
  const classes = useStyles();
  const total = props.segments.reduce(
    (sum, s) => sum + Math.max(0, s.value),
    0,
  );
  const description = props.segments
    .filter(s => s.value > 0)
    .map(s => `${s.label}: ${s.value}`)
    .join(', ');
  return (
    <Box
      className={classes.bar}
      role="img"
      aria-label={`${props.label}: ${description}`}
    >
      {total > 0 &&
        props.segments
          .filter(segment => segment.value > 0)
          .map(segment => (
            <Tooltip
              key={segment.kind}
              title={`${segment.label}: ${segment.value}`}
            >
              <div
                className={classes[segment.kind]}
                style={{ width: `${(segment.value / total) * 100}%` }}
                data-segment={segment.kind}
              />
            </Tooltip>
          ))}
    </Box>
  );
}
