import { aksAddressPoolManagePermission } from '@aks-network/plugin-aks-network-common';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { NewAddressPoolDialog } from './NewAddressPoolDialog';

/**
 * Where a pool is managed: the button for those the policy lets manage pools, and for
 * everyone else the refusal in words (the backend answers their POST with a 403).
 */
export function ManageAddressPools(props: { onChanged: () => void }) {
  const { loading, allowed } = usePermission({
    permission: aksAddressPoolManagePermission,
  });
  const [open, setOpen] = useState(false);
  if (loading) {
    return null;
  }
  if (!allowed) {
    return (
      <Box mt={2} data-testid="aks-pool-manage-denied">
        <Typography variant="body2" color="textSecondary">
          Managing address pools is refused for you (403): it needs{' '}
          <code>{aksAddressPoolManagePermission.name}</code>, which the
          permission policy gives the platform team.
        </Typography>
      </Box>
    );
  }
  return (
    <Box mt={2}>
      <Button variant="outlined" color="primary" onClick={() => setOpen(true)}>
        New address pool
      </Button>
      <NewAddressPoolDialog
        open={open}
        onClose={() => setOpen(false)}
        onCreated={() => {
          setOpen(false);
          props.onChanged();
        }}
      />
    </Box>
  );
}
