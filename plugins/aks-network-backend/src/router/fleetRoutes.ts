import {
  aksClusterReadPermission,
  FLEET_SORT_FIELDS,
  FleetSortField,
  NETWORK_MODELS,
  NetworkModel,
  POSTURE_CHECK_NAMES,
  PostureCheckName,
} from '@aks-network/plugin-aks-network-common';
import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Router } from 'express';
import { z } from 'zod';
import type { AksNetworkService } from '../service/AksNetworkService';
import { authorize } from './authorize';
import { queryInteger, safeText } from './inputText';
import { parseRequestInput } from './parseBody';

const fleetQuery = z
  .object({
    search: safeText(100).optional(),
    networkModel: z
      .enum(NETWORK_MODELS as [NetworkModel, ...NetworkModel[]])
      .optional(),
    region: safeText(64).optional(),
    subscriptionId: safeText(64).optional(),
    owner: safeText(256).optional(),
    failingCheck: z
      .enum(POSTURE_CHECK_NAMES as [PostureCheckName, ...PostureCheckName[]])
      .optional(),
    sort: z
      .enum(FLEET_SORT_FIELDS as [FleetSortField, ...FleetSortField[]])
      .optional(),
    order: z.enum(['asc', 'desc']).optional(),
    limit: queryInteger(1, 500).optional(),
    offset: queryInteger(0, 1_000_000).optional(),
  })
  .strict();

/**
 * The fleet view: every cluster with its figures, sorted, filtered and paged in the
 * database (`GET /fleet/clusters`), the totals over all of them (`GET /fleet/summary`),
 * and the subscriptions the inventory reads (`GET /subscriptions`).
 */
export function addFleetRoutes(
  router: Router,
  deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    service: AksNetworkService;
  },
): void {
  const { service } = deps;

  router.get('/fleet/clusters', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    res.json(
      await service.fleetClusters(
        parseRequestInput(fleetQuery, req.query, 'query'),
      ),
    );
  });

  router.get('/fleet/summary', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    parseRequestInput(z.object({}).strict(), req.query, 'query');
    res.json(await service.fleetSummary());
  });

  router.get('/subscriptions', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    parseRequestInput(z.object({}).strict(), req.query, 'query');
    res.json(await service.listSubscriptions());
  });
}
