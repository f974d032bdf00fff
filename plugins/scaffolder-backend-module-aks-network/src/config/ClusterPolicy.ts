import {
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_MAX_PODS,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  NETWORK_DATAPLANES,
  NETWORK_MODELS,
  NetworkDataplane,
  NetworkModel,
} from '@aks-network/plugin-aks-network-common';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { z } from 'zod';

/**
 * What the actions allow and default to, from `aksNetwork.clusterPolicy`,
 * `aksNetwork.clusterNetwork` and `aksNetwork.provisioning` (see config.d.ts).
 *
 * @public
 */
export interface ClusterPolicy {
  allowedNetworkModels: NetworkModel[];
  allowedDataplanes: NetworkDataplane[];
  /** Undefined: any region. */
  regions?: string[];
  vmSizes?: string[];
  nodeCount: { min: number; max: number };
  kubernetesVersions?: string[];
  network: {
    podCidr: string;
    serviceCidr: string;
    dnsServiceIp: string;
    defaultMaxPods: number;
  };
  subnetTimeoutMs: number;
  clusterTimeoutMs: number;
  /** How long the create action waits for the new entity in the catalog. */
  catalogWaitMs: number;
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

const nonEmptyList = z.array(z.string().min(1)).min(1);

const policySchema = z
  .object({
    clusterPolicy: z
      .object({
        allowedNetworkModels: z
          .array(z.enum(NETWORK_MODELS as [NetworkModel, ...NetworkModel[]]))
          .min(1)
          .default(['azure-cni-overlay']),
        allowedDataplanes: z
          .array(
            z.enum(
              NETWORK_DATAPLANES as [NetworkDataplane, ...NetworkDataplane[]],
            ),
          )
          .min(1)
          .default(['azure']),
        regions: nonEmptyList.optional(),
        vmSizes: nonEmptyList.optional(),
        nodeCount: z
          .object({
            min: z.number().int().min(1).default(1),
            // DESIGN: "Max 5,000 nodes".
            max: z.number().int().max(5000).default(100),
          })
          .strict()
          .refine(range => range.min <= range.max, {
            message: 'min must not be above max',
          })
          .default({}),
        kubernetesVersions: nonEmptyList.optional(),
      })
      .strict()
      .default({}),
    clusterNetwork: z
      .object({
        podCidr: z.string().default(DEFAULT_POD_CIDR),
        serviceCidr: z.string().default(DEFAULT_SERVICE_CIDR),
        dnsServiceIp: z.string().default(DEFAULT_DNS_SERVICE_IP),
        defaultMaxPods: z.number().int().default(DEFAULT_MAX_PODS),
      })
      .strict()
      .default({}),
    provisioning: z
      .object({
        subnetTimeout: duration.default({ minutes: 5 }),
        clusterTimeout: duration.default({ minutes: 30 }),
        catalogWait: duration.default({ seconds: 30 }),
        portalBaseUrl: z.string().url().default('https://portal.azure.com'),
      })
      .strict()
      .default({}),
  })
  .passthrough();

/**
 * Reads the policy. A bad value stops the backend at start-up with an InputError
 * naming the config key, rather than failing the first task.
 *
 * @public
 */
export function readClusterPolicy(config: Config): ClusterPolicy {
  const raw = config.getOptional('aksNetwork') ?? {};
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue => `aksNetwork.${issue.path.join('.')}: ${issue.message}`,
    );
    throw new InputError(
      `Invalid AKS cluster policy config: ${problems.join('; ')}`,
    );
  }
  const { clusterPolicy, clusterNetwork, provisioning } = parsed.data;
  return {
    allowedNetworkModels: clusterPolicy.allowedNetworkModels,
    allowedDataplanes: clusterPolicy.allowedDataplanes,
    regions: clusterPolicy.regions?.map(r => r.toLowerCase()),
    vmSizes: clusterPolicy.vmSizes,
    nodeCount: clusterPolicy.nodeCount,
    kubernetesVersions: clusterPolicy.kubernetesVersions,
    network: clusterNetwork,
    subnetTimeoutMs: durationToMilliseconds(
      provisioning.subnetTimeout as HumanDuration,
    ),
    clusterTimeoutMs: durationToMilliseconds(
      provisioning.clusterTimeout as HumanDuration,
    ),
    catalogWaitMs: durationToMilliseconds(
      provisioning.catalogWait as HumanDuration,
    ),
    portalBaseUrl: provisioning.portalBaseUrl.replace(/\/+$/, ''),
  };
}
