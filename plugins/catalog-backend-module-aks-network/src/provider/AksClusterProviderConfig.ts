import {
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { azurePortalBaseUrl } from '@aks-network/plugin-aks-network-node';
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
  ownerTag: string;
  /** A full entity ref, `group:default/platform-team` by default. */
  defaultOwner: string;
  systemTag: string;
  componentTag: string;
  /** The portal of the configured Azure cloud (`azurePortalBaseUrl`). */
  portalBaseUrl: string;
  /** `kubernetes.io/auth-provider` of the entities: `aks` (default) or `azure`. */
  kubernetesAuthProvider: 'aks' | 'azure';
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/**
 * Reads `catalog.providers.aksNetwork`. A default owner that is not a valid group or
 * user reference is a configuration error and fails startup: every entity would
 * otherwise be rejected by the catalog.
 */
export function readAksClusterProviderConfig(
  rootConfig: RootConfigService,
): AksClusterProviderConfig {
  const config = rootConfig.getOptionalConfig(PROVIDER_CONFIG_KEY);
  const defaultOwnerText =
    config?.getOptionalString('defaultOwner') ?? 'group:default/platform-team';
  const defaultOwner = readEntityRef(defaultOwnerText, 'group', [
    'group',
    'user',
  ]);
  if (!defaultOwner.ok) {
    throw new Error(
      `${PROVIDER_CONFIG_KEY}.defaultOwner ${defaultOwner.problem}; expected a group or user reference`,
    );
  }
  const authProvider =
    config?.getOptionalString('kubernetesAuthProvider') ?? 'aks';
  if (authProvider !== 'aks' && authProvider !== 'azure') {
    throw new Error(
      `${PROVIDER_CONFIG_KEY}.kubernetesAuthProvider must be 'aks' or 'azure', got '${authProvider}'`,
    );
  }
  return {
    ownerTag: config?.getOptionalString('ownerTag') ?? 'owner',
    kubernetesAuthProvider: authProvider,
    defaultOwner: defaultOwner.ref,
    systemTag: config?.getOptionalString('systemTag') ?? 'system',
    componentTag: config?.getOptionalString('componentTag') ?? 'component',
    portalBaseUrl: azurePortalBaseUrl(rootConfig),
    schedule: config?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
  };
}
