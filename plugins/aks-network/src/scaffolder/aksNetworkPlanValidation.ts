import { isError, ResponseError } from '@backstage/errors';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { aksNetworkApiRef } from '../api/aksNetworkApiRef';
import type {
  AksNetworkPlanUiOptions,
  AksNetworkPlanValue,
} from './AksNetworkPlanSchema';
import { planInputFromForm } from './planInputFromForm';

/**
 * Why a call failed, in the backend's words: a `ResponseError`'s own message only says
 * the status, while the cause holds what the backend said.
 */
function reasonOf(error: unknown): string {
  if (error instanceof ResponseError) {
    return `${error.cause.message} (${error.statusCode} ${error.statusText})`;
  }
  // By shape, not class: a fetch failure's TypeError may come from another realm.
  return isError(error) ? error.message : String(error);
}

/**
 * The validator of `ui:field: AksNetworkPlan`, run by the scaffolder on Next and Review
 * with the whole form: it asks the backend for the plan again (the value the field
 * stored may be of an older form) and adds each error finding as
 * `field: message`, which keeps the step from advancing. A plan that could not be
 * asked for is an error too: the step must not pass on data that was not read.
 *
 * @public
 */
export const aksNetworkPlanValidation: CustomFieldValidator<
  AksNetworkPlanValue,
  AksNetworkPlanUiOptions
> = async (_value, validation, context) => {
  const api = context.apiHolder.get(aksNetworkApiRef);
  if (!api) {
    validation.addError(
      'networkPlan: the aks-network API is not installed in this app, so the plan cannot be checked',
    );
    return;
  }
  const input = planInputFromForm(
    context.formData,
    context.uiSchema?.['ui:options'],
  );
  if (input.kind === 'missing') {
    validation.addError(`${input.field}: ${input.message}`);
    return;
  }
  let plan;
  try {
    plan = await api.planInPool(input.poolId, input.request);
  } catch (error) {
    validation.addError(
      `networkPlan: the plan could not be checked with the aks-network backend: ${reasonOf(
        error,
      )}`,
    );
    return;
  }
  const errors = plan.findings.filter(finding => finding.severity === 'error');
  for (const finding of errors) {
    validation.addError(`${finding.field}: ${finding.message}`);
  }
  if (!plan.valid && errors.length === 0) {
    validation.addError(
      'networkPlan: the backend refused the plan without saying why',
    );
  }
};
