import {
  FLOW_EXPORT_TOOL_IDS,
  FlowExportTool,
  isSubscriptionId,
} from '@aks-network/plugin-aks-network-common';
import { z } from 'zod';

/**
 * The flow export the organisation declares for every cluster of one subscription
 * (docs/domain.md#declared-controls).
 *
 * @public
 */
export interface SubscriptionFlowExport {
  /** Lower-cased: ARM compares subscription ids without case. */
  subscriptionId: string;
  tools: FlowExportTool[];
}

/**
 * `aksNetwork.compensatingControls`: what the organisation declares beyond what Azure
 * reports.
 *
 * @public
 */
export interface CompensatingControlsSettings {
  /** `aksNetwork.compensatingControls.flowExport`; empty when unset. */
  flowExport: SubscriptionFlowExport[];
}

const subscriptionFlowExportSchema = z
  .object({
    subscriptionId: z
      .string({ invalid_type_error: 'must be a subscription id (a GUID)' })
      .trim()
      .refine(isSubscriptionId, 'must be a subscription id (a GUID)')
      .transform(id => id.toLowerCase()),
    tools: z
      .array(
        z.enum(FLOW_EXPORT_TOOL_IDS as [FlowExportTool, ...FlowExportTool[]], {
          errorMap: () => ({
            message: `must be one of ${FLOW_EXPORT_TOOL_IDS.join(', ')}`,
          }),
        }),
      )
      .min(1, 'must name at least one tool'),
  })
  .strict();

/**
 * The zod schema of `aksNetwork.compensatingControls`: strict, so a misspelt key or an
 * unknown tool stops the backend naming the key; a subscription listed twice too.
 *
 * @public
 */
export const compensatingControlsSchema = z
  .object({
    flowExport: z
      .array(subscriptionFlowExportSchema)
      .default([])
      .superRefine((entries, ctx) => {
        const seen = new Set<string>();
        entries.forEach((entry, index) => {
          if (seen.has(entry.subscriptionId)) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [index, 'subscriptionId'],
              message: 'is listed more than once',
            });
          }
          seen.add(entry.subscriptionId);
        });
      }),
  })
  .strict()
  .default({});
