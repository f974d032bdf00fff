import {
  ClusterTagNames,
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_MAX_PODS,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  MAX_NODES_PER_NODE_POOL,
  NETWORK_DATAPLANES,
  NETWORK_MODELS,
  NetworkDataplane,
  NetworkModel,
} from '@aks-network/plugin-aks-network-common';
import {
  AKS_NETWORK_CONFIG_ROOT,
  backstageConfigValue,
  configNumber,
  parseConfigSection,
  readClusterTagNames,
} from '@aks-network/plugin-aks-network-node';
import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import type { HumanDuration } from '@backstage/types';
import { z } from 'zod';
import type { AddressPoolInput } from '../model';
import {
  NotificationSettings,
  notificationSettingsSchema,
} from '../notifications/notificationSettings';
import type { ClusterPolicy } from '../plan/ClusterPolicy';
import {
  CompensatingControlsSettings,
  compensatingControlsSchema,
} from './compensatingControlsConfig';

/**
 * The schedule used when `aksNetwork.sync.schedule` is absent: every 5 minutes, given
 * up after 3, first run 15 s after start-up so the backend is up before ARM is called.
 *
 * @public
 */
export const DEFAULT_INVENTORY_SYNC_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 5 },
    timeout: { minutes: 3 },
    initialDelay: { seconds: 15 },
  };

/**
 * The cool-down when `aksNetwork.sync.refreshCoolDown` is absent: a full refresh within
 * a minute of a finished run answers with that run.
 *
 * @public
 */
export const DEFAULT_REFRESH_COOL_DOWN: HumanDuration = { seconds: 60 };

/**
 * Subscriptions a sync reads at once when `aksNetwork.sync.subscriptionConcurrency` is
 * absent. ARM throttles reads per principal and subscription (each subscription has its
 * own bucket: https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling),
 * and the pipeline bounds requests per subscription (`aksNetwork.azure.requests`), so
 * reading several subscriptions at once spends no single subscription's budget faster.
 *
 * @public
 */
export const DEFAULT_SUBSCRIPTION_CONCURRENCY = 8;

/**
 * Default hold on a reserved subnet: long enough for a scaffolder task to create the
 * subnet and the cluster's first steps, short enough that an abandoned task does not
 * keep address space for a day.
 */
const DEFAULT_TTL_SECONDS = 3600;

/**
 * Longest hold a caller may ask for: a day covers a cluster creation many times over,
 * and a forgotten reservation then gives its range back the next day, not in years.
 */
const DEFAULT_MAX_TTL_SECONDS = 86_400;

/**
 * The backend plugin's settings, read once at start-up from `aksNetwork` (see
 * config.d.ts) with defaults applied.
 *
 * @public
 */
export interface AksNetworkBackendSettings {
  sync: {
    /** `aksNetwork.sync.schedule`. */
    schedule: SchedulerServiceTaskScheduleDefinition;
    /** `aksNetwork.sync.refreshCoolDown`. */
    refreshCoolDown: HumanDuration;
    /** `aksNetwork.sync.subscriptionConcurrency`. */
    subscriptionConcurrency: number;
  };
  /** `aksNetwork.tags`: the tag the sync reads a cluster's owner from, and the others. */
  tags: ClusterTagNames;
  reservations: {
    /** `aksNetwork.reservations.ttlSeconds`, for reservations that name none. */
    ttlSeconds: number;
    /** `aksNetwork.reservations.maxTtlSeconds`: the longest hold a caller may ask. */
    maxTtlSeconds: number;
  };
  /** `aksNetwork.addressPools`: seeded at start-up; each is checked when it is created. */
  addressPools: AddressPoolInput[];
  /** `aksNetwork.compensatingControls`: flow export declared per subscription. */
  compensatingControls: CompensatingControlsSettings;
  /** `aksNetwork.clusterPolicy` and `aksNetwork.clusterNetwork`. */
  policy: ClusterPolicy;
  /** `aksNetwork.notifications`: who is told when a check turns, and of what. */
  notifications: NotificationSettings;
}

const positiveWholeNumber = (defaultValue: number) =>
  configNumber(
    z.number({ invalid_type_error: 'expected a positive whole number' }),
  )
    .superRefine((value, ctx) => {
      if (!Number.isSafeInteger(value) || value <= 0) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `expected a positive whole number, got ${value}`,
        });
      }
    })
    .default(defaultValue);

const nonEmptyText = z.string().trim().min(1, 'must not be empty');
const nonEmptyList = z.array(z.string().min(1)).min(1);

const syncSchema = z
  .object({
    schedule: backstageConfigValue('schedule', config =>
      readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('schedule'),
      ),
    ).optional(),
    refreshCoolDown: backstageConfigValue('refreshCoolDown', config =>
      readDurationFromConfig(config, { key: 'refreshCoolDown' }),
    ).optional(),
    subscriptionConcurrency: positiveWholeNumber(
      DEFAULT_SUBSCRIPTION_CONCURRENCY,
    ),
    // Deprecated for `aksNetwork.tags.owner`; read by readClusterTagNames.
    ownerTag: z.unknown().optional(),
  })
  .strict()
  .default({});

const reservationsSchema = z
  .object({
    ttlSeconds: positiveWholeNumber(DEFAULT_TTL_SECONDS),
    maxTtlSeconds: positiveWholeNumber(DEFAULT_MAX_TTL_SECONDS),
  })
  .strict()
  .superRefine((reservations, ctx) => {
    if (reservations.ttlSeconds > reservations.maxTtlSeconds) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['maxTtlSeconds'],
        message: `${reservations.maxTtlSeconds} is below ${AKS_NETWORK_CONFIG_ROOT}.reservations.ttlSeconds (${reservations.ttlSeconds}), the hold of a reservation that names none`,
      });
    }
  })
  .default({});

// The fields are checked as any pool is, when the pool is created (addressPoolRules).
const addressPoolSchema = z
  .object({
    id: nonEmptyText,
    subscriptionId: nonEmptyText,
    resourceGroup: nonEmptyText,
    vnetName: nonEmptyText,
    region: nonEmptyText,
    range: nonEmptyText,
    subnetPrefix: configNumber(z.number().int()).optional(),
    description: z.string().optional(),
  })
  .strict();

const clusterPolicySchema = z
  .object({
    allowedNetworkModels: z
      .array(z.enum(NETWORK_MODELS as [NetworkModel, ...NetworkModel[]]))
      .min(1)
      .default(['azure-cni-overlay']),
    allowedDataplanes: z
      .array(
        z.enum(NETWORK_DATAPLANES as [NetworkDataplane, ...NetworkDataplane[]]),
      )
      .min(1)
      .default(['azure']),
    regions: nonEmptyList.optional(),
    vmSizes: nonEmptyList.optional(),
    nodeCount: z
      .object({
        min: configNumber(z.number().int().min(1)).default(1),
        // A plan asks for one pool, and a pool holds at most 1,000 nodes
        // (AZURE_RULES: AKS quotas and limits); the 5,000 of a cluster is never reached.
        max: configNumber(
          z.number().int().max(MAX_NODES_PER_NODE_POOL),
        ).default(100),
      })
      .strict()
      .refine(range => range.min <= range.max, {
        message: 'min must not be above max',
      })
      .default({}),
    kubernetesVersions: nonEmptyList.optional(),
  })
  .strict()
  .default({});

const clusterNetworkSchema = z
  .object({
    podCidr: z.string().default(DEFAULT_POD_CIDR),
    serviceCidr: z.string().default(DEFAULT_SERVICE_CIDR),
    dnsServiceIp: z.string().default(DEFAULT_DNS_SERVICE_IP),
    defaultMaxPods: configNumber(z.number().int()).default(DEFAULT_MAX_PODS),
  })
  .strict()
  .default({});

/**
 * The backend plugin's keys of `aksNetwork`. Other keys of the section belong to the
 * other packages (`azure`, `inventory`, `tags` to aks-network-node, `provisioning` to
 * the scaffolder module, `permissionPolicy` to the app) and are left to them.
 *
 * @public
 */
export const aksNetworkBackendConfigSchema = z
  .object({
    sync: syncSchema,
    reservations: reservationsSchema,
    addressPools: z.array(addressPoolSchema).default([]),
    compensatingControls: compensatingControlsSchema,
    clusterPolicy: clusterPolicySchema,
    clusterNetwork: clusterNetworkSchema,
    notifications: notificationSettingsSchema,
  })
  .passthrough();

/**
 * Options of {@link readAksNetworkBackendConfig}.
 *
 * @public
 */
export interface ReadAksNetworkBackendConfigOptions {
  /** Where a deprecated key in use is reported. */
  logger?: LoggerService;
}

/**
 * Reads the backend plugin's settings. A bad value stops the backend at start-up with
 * an InputError naming each bad key (`aksNetwork.sync.subscriptionConcurrency: expected
 * a positive whole number, got 0`), rather than failing the first request.
 *
 * @public
 */
export function readAksNetworkBackendConfig(
  config: Config,
  options: ReadAksNetworkBackendConfigOptions = {},
): AksNetworkBackendSettings {
  const input = parseConfigSection(
    config,
    AKS_NETWORK_CONFIG_ROOT,
    aksNetworkBackendConfigSchema,
    'Invalid AKS network backend config',
  );
  const {
    sync,
    reservations,
    addressPools,
    clusterPolicy,
    clusterNetwork,
    notifications,
  } = input;
  return {
    sync: {
      schedule: sync.schedule ?? DEFAULT_INVENTORY_SYNC_SCHEDULE,
      refreshCoolDown: sync.refreshCoolDown ?? DEFAULT_REFRESH_COOL_DOWN,
      subscriptionConcurrency: sync.subscriptionConcurrency,
    },
    tags: readClusterTagNames(config, { logger: options.logger }),
    reservations,
    addressPools,
    compensatingControls: input.compensatingControls,
    policy: {
      allowedNetworkModels: clusterPolicy.allowedNetworkModels,
      allowedDataplanes: clusterPolicy.allowedDataplanes,
      regions: clusterPolicy.regions?.map(r => r.toLowerCase()),
      vmSizes: clusterPolicy.vmSizes,
      nodeCount: clusterPolicy.nodeCount,
      kubernetesVersions: clusterPolicy.kubernetesVersions,
      network: clusterNetwork,
    },
    notifications,
  };
}
