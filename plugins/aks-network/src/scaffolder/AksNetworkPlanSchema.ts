import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/**
 * The network plan field's value, a summary of the backend's last answer, and its
 * options: the form fields each plan request field is read from.
 *
 * @public
 */
export const AksNetworkPlanFieldSchema = makeFieldSchema({
  output: z =>
    z.object({
      poolId: z.string().optional().describe('The pool planned in'),
      nodeSubnetCidr: z
        .string()
        .optional()
        .describe('The node subnet the pool would hand out now'),
      valid: z.boolean().describe('Whether the plan had no error finding'),
    }),
  uiOptions: z =>
    z.object({
      addressPoolIdField: z.string().optional(),
      nodeCountField: z.string().optional(),
      maxPodsField: z.string().optional(),
      acnsObservabilityField: z.string().optional(),
      nameField: z.string().optional(),
      resourceGroupField: z.string().optional(),
      regionField: z.string().optional(),
      vmSizeField: z.string().optional(),
      kubernetesVersionField: z.string().optional(),
    }),
});

/**
 * What `ui:field: AksNetworkPlan` stores as its value: set on every answer of the
 * backend, so the key is in the form data and the field's validator runs on Next.
 *
 * @public
 */
export interface AksNetworkPlanValue {
  /** The pool planned in; absent while the form names none. */
  poolId?: string;
  /** The node subnet the pool would hand out now; a later reservation may get another. */
  nodeSubnetCidr?: string;
  /** False when a finding was an error, or the plan could not be made. */
  valid: boolean;
}

/**
 * The `ui:options` of `ui:field: AksNetworkPlan`: the form field each plan request field
 * is read from. Each defaults to the request field's own name (`addressPoolId`,
 * `nodeCount`, …), which are the scaffolder actions' input names.
 *
 * @public
 */
export interface AksNetworkPlanUiOptions {
  addressPoolIdField?: string;
  nodeCountField?: string;
  maxPodsField?: string;
  acnsObservabilityField?: string;
  nameField?: string;
  resourceGroupField?: string;
  regionField?: string;
  vmSizeField?: string;
  kubernetesVersionField?: string;
}

/**
 * The props the scaffolder passes to `AksNetworkPlan`.
 *
 * @public
 */
export type AksNetworkPlanProps = typeof AksNetworkPlanFieldSchema.TProps;
