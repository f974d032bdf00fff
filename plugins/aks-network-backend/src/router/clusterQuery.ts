import { NETWORK_MODELS } from '@aks-network/plugin-aks-network-common';
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import type { ListClustersQuery } from '../database/AksNetworkStore';

const clusterQuerySchema = z
  .object({
    subscriptionId: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    networkModel: z
      .enum(NETWORK_MODELS as unknown as [string, ...string[]])
      .optional(),
    owner: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  })
  .strict();

/** Reads the filters and paging of `GET /clusters`; a bad one is a 400 naming it. */
export function parseClusterQuery(query: unknown): ListClustersQuery {
  const parsed = clusterQuerySchema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field =
      issue.path.join('.') ||
      (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'query');
    throw new InputError(`Invalid query parameter ${field}: ${issue.message}`);
  }
  return parsed.data as ListClustersQuery;
}
