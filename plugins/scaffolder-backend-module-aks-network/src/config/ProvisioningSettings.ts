import { azurePortalBaseUrl } from '@aks-network/plugin-aks-network-node';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { z } from 'zod';

/**
 * How long `aks-network:cluster:create` waits for Azure and the catalog, from
 * `aksNetwork.provisioning` (see config.d.ts). What a cluster may be is the backend
 * plugin's (`aksNetwork.clusterPolicy`), which every plan goes through.
 *
 * @public
 */
export interface ProvisioningSettings {
  subnetTimeoutMs: number;
  /** How long the cluster's create may run before the task fails for good and cleans up. */
  clusterTimeoutMs: number;
  /** Time limit of each deletion of the cleanup after a failed create. */
  cleanupTimeoutMs: number;
  /** How long the create action waits for the new entity in the catalog. */
  catalogWaitMs: number;
  /** `portalBaseUrl` when set, else the configured cloud's portal (`azurePortalBaseUrl`). */
  portalBaseUrl: string;
}

const duration = z
  .object({
    years: z.number().optional(),
    months: z.number().optional(),
    weeks: z.number().optional(),
    days: z.number().optional(),
    hours: z.number().optional(),
    minutes: z.number().optional(),
    seconds: z.number().optional(),
    milliseconds: z.number().optional(),
  })
  .strict()
  .refine(d => durationToMilliseconds(d as HumanDuration) > 0, {
    message: 'must be longer than zero',
  });

const provisioningSchema = z
  .object({
    subnetTimeout: duration.default({ minutes: 5 }),
    clusterTimeout: duration.default({ minutes: 30 }),
    cleanupTimeout: duration.default({ minutes: 15 }),
    catalogWait: duration.default({ seconds: 30 }),
    portalBaseUrl: z.string().url().optional(),
  })
  .strict()
  .default({});

/**
 * Reads the settings. A bad value stops the backend at start-up with an InputError
 * naming the config key, rather than failing the first task.
 *
 * @public
 */
export function readProvisioningSettings(config: Config): ProvisioningSettings {
  const parsed = provisioningSchema.safeParse(
    config.getOptional('aksNetwork.provisioning') ?? {},
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue =>
        `aksNetwork.provisioning.${issue.path.join('.')}: ${issue.message}`,
    );
    throw new InputError(
      `Invalid AKS provisioning config: ${problems.join('; ')}`,
    );
  }
  const settings = parsed.data;
  return {
    subnetTimeoutMs: durationToMilliseconds(
      settings.subnetTimeout as HumanDuration,
    ),
    clusterTimeoutMs: durationToMilliseconds(
      settings.clusterTimeout as HumanDuration,
    ),
    cleanupTimeoutMs: durationToMilliseconds(
      settings.cleanupTimeout as HumanDuration,
    ),
    catalogWaitMs: durationToMilliseconds(
      settings.catalogWait as HumanDuration,
    ),
    portalBaseUrl: (
      settings.portalBaseUrl ?? azurePortalBaseUrl(config)
    ).replace(/\/+$/, ''),
  };
}
