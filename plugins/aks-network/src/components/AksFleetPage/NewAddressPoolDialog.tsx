import type { AddressPoolInput } from '@aks-network/plugin-aks-network-common';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError, stringifyError } from '@backstage/errors';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { aksNetworkApiRef } from '../../api/aksNetworkApiRef';

const FIELDS: Array<{
  key: keyof AddressPoolInput;
  label: string;
  helper: string;
}> = [
  { key: 'id', label: 'Pool id', helper: 'e.g. prod-weu' },
  { key: 'subscriptionId', label: 'Subscription id', helper: 'a GUID' },
  { key: 'resourceGroup', label: 'Resource group', helper: "the VNet's" },
  { key: 'vnetName', label: 'VNet name', helper: 'the VNet the subnets go in' },
  { key: 'region', label: 'Region', helper: 'e.g. westeurope' },
  {
    key: 'range',
    label: 'Range',
    helper: "a CIDR inside the VNet's address space, e.g. 10.240.16.0/20",
  },
  { key: 'description', label: 'Description', helper: 'optional' },
];

/**
 * A new address pool. The backend checks every field (the range against the VNet as
 * Azure has it and the other pools of that VNet) and its error, which names the
 * field, is shown as it comes.
 */
export function NewAddressPoolDialog(props: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const api = useApi(aksNetworkApiRef);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const { description, ...rest } = values;
      await api.createAddressPool({
        id: rest.id ?? '',
        subscriptionId: rest.subscriptionId ?? '',
        resourceGroup: rest.resourceGroup ?? '',
        vnetName: rest.vnetName ?? '',
        region: rest.region ?? '',
        range: rest.range ?? '',
        ...(description ? { description } : {}),
      });
      setValues({});
      props.onCreated();
    } catch (e) {
      // The backend's own sentence (it names the field), not "Request failed with 400".
      setError(
        e instanceof ResponseError ? e.body.error.message : stringifyError(e),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>New address pool</DialogTitle>
      <DialogContent>
        {error && (
          <Typography
            color="error"
            variant="body2"
            role="alert"
            data-testid="aks-new-pool-error"
          >
            {error}
          </Typography>
        )}
        {FIELDS.map(field => (
          <TextField
            key={field.key}
            id={`aks-new-pool-${field.key}`}
            label={field.label}
            helperText={field.helper}
            value={values[field.key] ?? ''}
            onChange={event =>
              setValues({ ...values, [field.key]: event.target.value })
            }
            fullWidth
            margin="dense"
          />
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={saving}
          onClick={submit}
        >
          Create pool
        </Button>
      </DialogActions>
    </Dialog>
  );
}
