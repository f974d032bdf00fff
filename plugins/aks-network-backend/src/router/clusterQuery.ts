import { NETWORK_MODELS } from '@aks-network/plugin-aks-network-common';
import { z } from 'zod';
import type { ListClustersQuery } from '../database/AksNetworkStore';
import { parseRequestInput } from './parseBody';

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
  return parseRequestInput(
    clusterQuerySchema,
    query,
    'query',
  ) as ListClustersQuery;
}
