import {
  ADDRESS_POOL_PAGE_LIMITS,
  type ApiAddressPoolWithCapacity,
} from '@aks-network/plugin-aks-network-common';
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
import type { AksAddressPoolPickerProps } from './AksAddressPoolPickerSchema';
import { FieldErrors } from './FieldErrors';
import { FieldFrame, FieldFrameProps } from './FieldFrame';
import { FieldHeading } from './FieldHeading';
import { formValuesOf, textValue } from './formValues';
import { isPoolOfRegion, poolCapacityText } from './poolCapacityText';
import { StatusText } from './StatusText';

function PoolCapacity(props: { pool: ApiAddressPoolWithCapacity }) {
  const { severity, text } = poolCapacityText(props.pool);
  return (
    <StatusText severity={severity} variant="caption">
      {text}
    </StatusText>
  );
}

/**
 * `ui:field: AksAddressPoolPicker`: the address pools of the cluster's region (read
 * from the form's `ui:options.regionField`, `region` by default; every pool while no
 * region is chosen), each with its VNet, range and free node subnets
 * (`GET /address-pools?capacity=true`). Its value is the pool id.
 *
 * @public
 */
export function AksAddressPoolPicker(props: AksAddressPoolPickerProps) {
  const {
    schema,
    uiSchema,
    required,
    rawErrors,
    formData,
    onChange,
    idSchema,
    disabled,
    readonly,
    formContext,
  } = props;
  const api = useApi(aksNetworkApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    // The most pools one page gives (500): an organisation has tens, and a picker
    // that paged would hide some.
    () =>
      api.listAddressPools({
        capacity: true,
        limit: ADDRESS_POOL_PAGE_LIMITS.max,
      }),
    [api],
  );
  const title = schema.title ?? 'Address pool';
  const id = idSchema?.$id ?? 'aks-address-pool-picker';
  const errorsId = `${id}-errors`;
  const regionField = uiSchema['ui:options']?.regionField ?? 'region';
  const region = textValue(formValuesOf(formContext), regionField);
  const heading = (
    <FieldHeading
      title={title}
      description={schema.description}
      required={required}
    />
  );

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
          Reading the address pools and their free subnets…
        </Typography>
        <Progress />
      </FieldFrame>
    );
  }
  if (error) {
    return (
      <FieldFrame {...frame}>
        <Typography variant="body2" gutterBottom>
          The address pools could not be read from the aks-network backend.
        </Typography>
        <LoadFailure error={error} onRetry={retry} />
      </FieldFrame>
    );
  }
  const pools = value?.items ?? [];
  if (pools.length === 0) {
    return (
      <FieldFrame {...frame}>
        <StatusText severity="warning">
          The aks-network backend has no address pool yet: the platform team
          adds them (aksNetwork.addressPools). A node subnet is carved from one.
        </StatusText>
      </FieldFrame>
    );
  }

  const chosen = pools.find(pool => pool.id === formData);
  const ofRegion = region
    ? pools.filter(pool => isPoolOfRegion(pool, region))
    : pools;
  const chosenElsewhere =
    chosen && region && !isPoolOfRegion(chosen, region) ? chosen : undefined;
  // The chosen pool stays listed when it is of another region, so the select still
  // shows what the form holds while the text below says why it will not do.
  const options = chosenElsewhere ? [...ofRegion, chosenElsewhere] : ofRegion;

  return (
    <Box my={1}>
      {options.length === 0 ? (
        <>
          {heading}
          <StatusText severity="warning">
            No address pool is in {region}: a node subnet must be in the
            cluster's region. Choose another region, or ask the platform team
            for a pool there.
          </StatusText>
        </>
      ) : (
        <TextField
          select
          id={id}
          label={title}
          required={required}
          disabled={disabled || readonly}
          value={chosen ? chosen.id : ''}
          onChange={event => onChange(String(event.target.value))}
          error={rawErrors.length > 0 || Boolean(chosenElsewhere)}
          helperText={
            region
              ? `${schema.description ?? ''} Pools of ${region}.`.trim()
              : `${
                  schema.description ?? ''
                } Every region's pools: no region is chosen yet.`.trim()
          }
          fullWidth
          margin="dense"
          variant="outlined"
          SelectProps={{ renderValue: selected => String(selected) }}
        >
          {options.map(pool => {
            const capacity = poolCapacityText(pool);
            return (
              <MenuItem
                key={pool.id}
                value={pool.id}
                disabled={!capacity.selectable}
              >
                <ListItemText
                  primary={pool.id}
                  secondaryTypographyProps={{ component: 'div' }}
                  secondary={
                    <>
                      <Typography variant="caption" component="div">
                        {pool.vnetName}, {pool.range}
                        {region && isPoolOfRegion(pool, region)
                          ? ''
                          : ` · ${pool.region}`}
                      </Typography>
                      <PoolCapacity pool={pool} />
                    </>
                  }
                />
              </MenuItem>
            );
          })}
        </TextField>
      )}
      {chosen ? (
        <Box data-testid="chosen-pool">
          <Typography variant="caption" component="div">
            {chosen.vnetName}, {chosen.range} ({chosen.region})
          </Typography>
          <PoolCapacity pool={chosen} />
        </Box>
      ) : null}
      {chosenElsewhere ? (
        <StatusText severity="error" data-testid="pool-region-mismatch">
          Pool {chosenElsewhere.id} is in {chosenElsewhere.region}, the cluster
          in {region}: a node subnet must be in the cluster's region. Choose a
          pool of {region}.
        </StatusText>
      ) : null}
      {formData && !chosen ? (
        <StatusText severity="error">
          Pool {formData} is not one the aks-network backend has: choose one of
          the list.
        </StatusText>
      ) : null}
      <FieldErrors errors={rawErrors} id={errorsId} />
    </Box>
  );
}
