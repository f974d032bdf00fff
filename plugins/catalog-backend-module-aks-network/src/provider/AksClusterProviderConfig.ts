import {
  LoggerService,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import {
  azurePortalBaseUrl,
  backstageConfigValue,
  configZod as z,
  parseConfigSection,
  readClusterTagNames,
} from '@aks-network/plugin-aks-network-node';
import { readEntityRef } from '@aks-network/plugin-aks-network-common';

/** Where the provider's settings live (a catalog provider, so under `catalog.providers`). */
export const PROVIDER_CONFIG_KEY = 'catalog.providers.aksNetwork';

/**
 * Once a minute keeps the catalog close to the inventory (the backend plugin's own sync
 * decides how fresh that is); the timeout stays under the frequency so runs never pile up.
 */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  timeout: { seconds: 50 },
  initialDelay: { seconds: 15 },
};

/**
 * The settings of {@link AksClusterEntityProvider}, with defaults applied.
 *
 * @public
 */
export interface AksClusterProviderConfig {
  /** `aksNetwork.tags.owner`. */
  ownerTag: string;
  /** A full entity ref, `group:default/platform-team` by default. */
  defaultOwner: string;
  /** `aksNetwork.tags.system`. */
  systemTag: string;
  /** `aksNetwork.tags.component`. */
  componentTag: string;
  /** The portal of the configured Azure cloud (`azurePortalBaseUrl`). */
  portalBaseUrl: string;
  /** `kubernetes.io/auth-provider` of the entities: `aks` (default) or `azure`. */
  kubernetesAuthProvider: 'aks' | 'azure';
  schedule: SchedulerServiceTaskScheduleDefinition;
}

const providerSchema = z
  .object({
    defaultOwner: z
      .string({ invalid_type_error: 'must be a string' })
      .default('group:default/platform-team')
      .transform((text, ctx) => {
        const owner = readEntityRef(text, 'group', ['group', 'user']);
        if (!owner.ok) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: `${owner.problem}; expected a group or user reference`,
          });
          return z.NEVER;
        }
        return owner.ref;
      }),
    kubernetesAuthProvider: z
      .unknown()
      .default('aks')
      .superRefine((value, ctx) => {
        if (value !== 'aks' && value !== 'azure') {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: `must be 'aks' or 'azure', got '${String(value)}'`,
          });
        }
      })
      .transform(value => value as 'aks' | 'azure'),
    schedule: backstageConfigValue('schedule', config =>
      readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('schedule'),
      ),
    ).optional(),
    // Deprecated for `aksNetwork.tags`; read by readClusterTagNames.
    ownerTag: z.unknown().optional(),
    systemTag: z.unknown().optional(),
    componentTag: z.unknown().optional(),
  })
  .strict();

/**
 * Reads `catalog.providers.aksNetwork` and the tag names (`aksNetwork.tags`). Anything
 * wrong fails startup with an InputError naming the key; a default owner that is not a
 * valid group or user reference among them, since every entity would otherwise be
 * rejected by the catalog.
 */
export function readAksClusterProviderConfig(
  rootConfig: RootConfigService,
  options: { logger?: LoggerService } = {},
): AksClusterProviderConfig {
  const config = parseConfigSection(
    rootConfig,
    PROVIDER_CONFIG_KEY,
    providerSchema,
    'Invalid AKS catalog provider config',
  );
  const tags = readClusterTagNames(rootConfig, { logger: options.logger });
  return {
    ownerTag: tags.owner,
    kubernetesAuthProvider: config.kubernetesAuthProvider,
    defaultOwner: config.defaultOwner,
    systemTag: tags.system,
    componentTag: tags.component,
    portalBaseUrl: azurePortalBaseUrl(rootConfig),
    schedule: config.schedule ?? DEFAULT_SCHEDULE,
  };
}
