import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useEffect, useMemo, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { aksNetworkApiRef } from '../api/aksNetworkApiRef';
import { LoadFailure } from '../components/network/LoadFailure';
import type {
  AksNetworkPlanProps,
  AksNetworkPlanValue,
} from './AksNetworkPlanSchema';
import { FieldErrors } from './FieldErrors';
import { FieldHeading } from './FieldHeading';
import { formValuesOf } from './formValues';
import { PlanFigures } from './PlanFigures';
import { PlanFindings } from './PlanFindings';
import { PlanInput, planInputFromForm } from './planInputFromForm';

/** How long typing must pause before the plan is asked for, as RepoBranchPicker waits. */
const DEBOUNCE_MS = 500;

function capitalised(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * `ui:field: AksNetworkPlan`: the live plan of the cluster the form describes, asked of
 * the backend (`POST /address-pools/{poolId}/plan`) once typing pauses. It shows the
 * node subnet, what the network holds and costs, and every finding with the field it
 * names. Its value is a summary of the last answer; its validator asks again on Next.
 *
 * @public
 */
export function AksNetworkPlan(props: AksNetworkPlanProps) {
  const {
    schema,
    uiSchema,
    formData,
    onChange,
    rawErrors,
    formContext,
    required,
  } = props;
  const api = useApi(aksNetworkApiRef);
  const input = planInputFromForm(
    formValuesOf(formContext),
    uiSchema['ui:options'],
  );
  const inputKey = JSON.stringify(input);

  // The request is compared by its text, so a re-render with equal values asks nothing.
  const [askedKey, setAskedKey] = useState<string>();
  useDebounce(() => setAskedKey(inputKey), DEBOUNCE_MS, [inputKey]);
  const asked = useMemo(
    () => (askedKey ? (JSON.parse(askedKey) as PlanInput) : undefined),
    [askedKey],
  );
  const state = useAsyncRetry(async () => {
    if (asked?.kind !== 'ready') {
      return undefined;
    }
    return api.planInPool(asked.poolId, asked.request);
  }, [api, asked]);
  const pending = askedKey !== inputKey || state.loading;

  // The summary of every answer (and of a plan that cannot be made) becomes the value,
  // so the key is in the form data: the scaffolder runs a validator only for keys there.
  let summary: AksNetworkPlanValue | undefined;
  if (asked?.kind === 'missing') {
    summary = { valid: false };
  } else if (asked?.kind === 'ready' && !state.loading) {
    if (state.error) {
      summary = { poolId: asked.poolId, valid: false };
    } else if (state.value) {
      summary = {
        poolId: state.value.poolId,
        ...(state.value.nodeSubnet
          ? { nodeSubnetCidr: state.value.nodeSubnet.cidr }
          : {}),
        valid: state.value.valid,
      };
    }
  }
  const summaryKey = summary ? JSON.stringify(summary) : undefined;
  const storedKey = formData ? JSON.stringify(formData) : undefined;
  // The form may hand a new onChange on every render: calling the latest one from an
  // effect keyed on the values alone keeps an equal summary from being set again.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  useEffect(() => {
    if (summaryKey && summaryKey !== storedKey) {
      onChangeRef.current(JSON.parse(summaryKey) as AksNetworkPlanValue);
    } else if (!storedKey) {
      // Set at once, before any answer: a Next pressed while the first plan is on
      // its way still runs the validator, which asks the backend itself.
      onChangeRef.current({ valid: false });
    }
  }, [summaryKey, storedKey]);

  let body;
  if (input.kind === 'missing') {
    body = (
      <Typography variant="body2" data-testid="plan-needs">
        {capitalised(input.message)}.
      </Typography>
    );
  } else if (state.error && !pending) {
    body = (
      <>
        <Typography variant="body2" gutterBottom>
          The plan could not be read from the aks-network backend; the form will
          not go on until it can be.
        </Typography>
        <LoadFailure error={state.error} onRetry={state.retry} />
      </>
    );
  } else if (state.value) {
    body = (
      <>
        {pending ? (
          <Typography variant="caption" component="div">
            Updating the plan…
          </Typography>
        ) : null}
        <PlanFindings plan={state.value} />
        <PlanFigures
          plan={state.value}
          maxPodsGiven={
            asked?.kind === 'ready' && asked.request.maxPods !== undefined
          }
        />
      </>
    );
  } else {
    body = (
      <>
        <Typography variant="body2">Planning the network…</Typography>
        <Progress />
      </>
    );
  }

  // The validator's errors are findings of the plan it asked for. While a live plan is
  // shown its findings are the truth: the form keeps the validator's errors until the
  // next Next, and a fixed plan must not go on showing them.
  const live = Boolean(state.value) && !state.error;
  return (
    <Box my={1} data-testid="aks-network-plan">
      <FieldHeading
        title={schema.title ?? 'Network plan'}
        description={schema.description}
        required={required}
      />
      <Box mt={1} aria-live="polite">
        {body}
      </Box>
      <FieldErrors errors={live ? [] : rawErrors} />
    </Box>
  );
}
