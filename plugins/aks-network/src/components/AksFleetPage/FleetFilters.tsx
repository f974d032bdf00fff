import {
  isNetworkModel,
  NETWORK_MODELS,
  POSTURE_CHECK_NAMES,
  PostureCheckName,
} from '@aks-network/plugin-aks-network-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { NETWORK_MODEL_LABELS } from '../network/labels';
import { FleetFilterValues } from './fleetQuery';
import { CHECK_LABELS } from './fleetWords';

function isCheckName(value: string): value is PostureCheckName {
  return (POSTURE_CHECK_NAMES as readonly string[]).includes(value);
}

/**
 * The two filters the backend applies to the table: one network model, and one check
 * that does not pass. Native selects, so the keyboard and screen readers get the
 * browser's own control.
 */
export function FleetFilters(props: {
  value: FleetFilterValues;
  onChange: (value: FleetFilterValues) => void;
}) {
  const { value, onChange } = props;
  return (
    <Box display="flex" flexWrap="wrap" mb={2} style={{ gap: 16 }}>
      <TextField
        select
        id="aks-fleet-network-model"
        label="Network model"
        variant="outlined"
        size="small"
        SelectProps={{ native: true }}
        // A native select shows its first option when empty: the label stays above it.
        InputLabelProps={{ shrink: true }}
        value={value.networkModel ?? ''}
        onChange={event => {
          const model = event.target.value;
          onChange({
            ...value,
            networkModel: isNetworkModel(model) ? model : undefined,
          });
        }}
      >
        <option value="">All models</option>
        {NETWORK_MODELS.map(model => (
          <option key={model} value={model}>
            {NETWORK_MODEL_LABELS[model]}
          </option>
        ))}
      </TextField>
      <TextField
        select
        id="aks-fleet-failing-check"
        label="Failing check"
        variant="outlined"
        size="small"
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        value={value.failingCheck ?? ''}
        onChange={event => {
          const check = event.target.value;
          onChange({
            ...value,
            failingCheck: isCheckName(check) ? check : undefined,
          });
        }}
      >
        <option value="">Any (no filter)</option>
        {POSTURE_CHECK_NAMES.map(check => (
          <option key={check} value={check}>
            {CHECK_LABELS[check].name}
          </option>
        ))}
      </TextField>
    </Box>
  );
}
