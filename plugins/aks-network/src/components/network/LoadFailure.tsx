import { ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';

/** The backend's error as Backstage shows errors, and a way to ask again. */
export function LoadFailure(props: { error: Error; onRetry: () => void }) {
  return (
    <Box>
      <ResponseErrorPanel error={props.error} />
      <Box mt={1}>
        <Button variant="outlined" onClick={props.onRetry}>
          Retry
        </Button>
      </Box>
    </Box>
  );
}
