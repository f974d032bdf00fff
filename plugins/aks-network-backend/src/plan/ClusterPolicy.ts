import {
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
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * What a new cluster may be and what it defaults to, from `aksNetwork.clusterPolicy`
 * and `aksNetwork.clusterNetwork` (see config.d.ts). The backend owns it because its
 * plan route is where every caller — the template's live plan field and both scaffolder
 * actions — learns whether a cluster may be created.
 *
 * @public
 */
export interface ClusterPolicy {
  allowedNetworkModels: NetworkModel[];
  allowedDataplanes: NetworkDataplane[];
  /** Undefined: any region. Lower-case. */
  regions?: string[];
  vmSizes?: string[];
  nodeCount: { min: number; max: number };
  kubernetesVersions?: string[];
  /** The organisation's cluster network, reused by every overlay cluster. */
  network: {
    podCidr: string;
    serviceCidr: string;
    dnsServiceIp: string;
    /** The seed document's 30, kept in config rather than in templates. */
    defaultMaxPods: number;
  };
}

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
            // A plan asks for one pool, and a pool holds at most 1,000 nodes
            // (AZURE_RULES: AKS quotas and limits); the 5,000 of a cluster is never reached.
            max: z.number().int().max(MAX_NODES_PER_NODE_POOL).default(100),
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
  })
  .passthrough();

/**
 * Reads the policy. A bad value stops the backend at start-up with an InputError
 * naming the config key, rather than failing the first plan.
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
  const { clusterPolicy, clusterNetwork } = parsed.data;
  return {
    allowedNetworkModels: clusterPolicy.allowedNetworkModels,
    allowedDataplanes: clusterPolicy.allowedDataplanes,
    regions: clusterPolicy.regions?.map(r => r.toLowerCase()),
    vmSizes: clusterPolicy.vmSizes,
    nodeCount: clusterPolicy.nodeCount,
    kubernetesVersions: clusterPolicy.kubernetesVersions,
    network: clusterNetwork,
  };
}
