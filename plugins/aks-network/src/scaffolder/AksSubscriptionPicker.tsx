import type { ApiSubscription } from '@aks-network/plugin-aks-network-common';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aksNetworkApiRef } from '../api/aksNetworkApiRef';
import { LoadFailure } from '../components/network/LoadFailure';
import type { AksSubscriptionPickerProps } from './AksSubscriptionPickerSchema';
import { FieldErrors } from './FieldErrors';
import { FieldFrame, FieldFrameProps } from './FieldFrame';
import { StatusText } from './StatusText';
import {
  subscriptionLabel,
  subscriptionReadStatus,
} from './subscriptionReadStatus';

function ReadStatus(props: { subscription: ApiSubscription }) {
  const { severity, text } = subscriptionReadStatus(props.subscription);
  return (
    <StatusText severity={severity} variant="caption">
      {text}
    </StatusText>
  );
}

/**
 * `ui:field: AksSubscriptionPicker`: one of the subscriptions the inventory reads
 * (`GET /subscriptions`), by name, each with how its last read went. Its value is the
 * subscription id.
 *
 * @public
 */
export function AksSubscriptionPicker(props: AksSubscriptionPickerProps) {
  const {
    schema,
    required,
    rawErrors,
    formData,
    onChange,
    idSchema,
    disabled,
    readonly,
  } = props;
  const api = useApi(aksNetworkApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.listSubscriptions(),
    [api],
  );
  const title = schema.title ?? 'Subscription';
  const id = idSchema?.$id ?? 'aks-subscription-picker';
  const errorsId = `${id}-errors`;
  const frame: FieldFrameProps = {
    title,
    description: schema.description,
    required,
    errors: rawErrors,
    errorsId,
  };

  if (loading && !value) {
    return (
      <FieldFrame {...frame}>
        <Typography variant="body2">
          Reading the subscriptions the inventory reads…
        </Typography>
        <Progress />
      </FieldFrame>
    );
  }
  if (error) {
    return (
      <FieldFrame {...frame}>
        <Typography variant="body2" gutterBottom>
          The subscriptions could not be read from the aks-network backend.
        </Typography>
        <LoadFailure error={error} onRetry={retry} />
      </FieldFrame>
    );
  }
  const items = value?.items ?? [];
  if (items.length === 0) {
    return (
      <FieldFrame {...frame}>
        <StatusText severity="warning">
          The inventory reads no subscription yet: its first sync has not run,
          or its Azure credentials see none. A cluster needs one of its
          subscriptions.
        </StatusText>
      </FieldFrame>
    );
  }

  const chosen = items.find(item => item.subscriptionId === formData);
  return (
    <Box my={1}>
      <TextField
        select
        id={id}
        label={title}
        required={required}
        disabled={disabled || readonly}
        value={chosen ? chosen.subscriptionId : ''}
        onChange={event => onChange(String(event.target.value))}
        error={rawErrors.length > 0}
        helperText={schema.description}
        fullWidth
        margin="dense"
        variant="outlined"
        SelectProps={{
          // The closed select shows the name only; the open list adds id and status.
          renderValue: selected => {
            const item = items.find(s => s.subscriptionId === selected);
            return item ? subscriptionLabel(item) : String(selected);
          },
        }}
      >
        {items.map(item => (
          <MenuItem key={item.subscriptionId} value={item.subscriptionId}>
            <ListItemText
              primary={subscriptionLabel(item)}
              secondaryTypographyProps={{ component: 'div' }}
              secondary={
                <>
                  {item.displayName?.trim() ? (
                    <Typography variant="caption" component="div">
                      {item.subscriptionId}
                    </Typography>
                  ) : null}
                  <ReadStatus subscription={item} />
                </>
              }
            />
          </MenuItem>
        ))}
      </TextField>
      {chosen ? (
        <Box data-testid="chosen-subscription-status">
          <ReadStatus subscription={chosen} />
        </Box>
      ) : null}
      {formData && !chosen ? (
        <StatusText severity="error">
          Subscription {formData} is not one the inventory reads: choose one of
          the list.
        </StatusText>
      ) : null}
      <FieldErrors errors={rawErrors} id={errorsId} />
    </Box>
  );
}
