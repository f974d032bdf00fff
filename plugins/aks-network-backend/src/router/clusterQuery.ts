import { NETWORK_MODELS } from '@aks-network/plugin-aks-network-common';
import { z } from 'zod';
import type { ListClustersQuery } from '../database/AksNetworkStore';
import { queryInteger, safeText } from './inputText';
import { parseRequestInput } from './parseBody';

const clusterQuerySchema = z
  .object({
    subscriptionId: safeText(64).optional(),
    region: safeText(64).optional(),
    networkModel: z
      .enum(NETWORK_MODELS as unknown as [string, ...string[]])
      .optional(),
    owner: safeText(256).optional(),
    limit: queryInteger(1, 1000).optional(),
    // Far beyond any inventory, and far inside what SQL's OFFSET takes (1e20 is not).
    offset: queryInteger(0, 1_000_000).optional(),
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
