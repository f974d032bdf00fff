import {
  aksClusterReadPermission,
  validateNetworkRequest,
} from '@aks-network/plugin-aks-network-common';
import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { parseBody } from './router/parseBody';
import { addAddressPoolRoutes } from './router/addressPoolRoutes';
import { authorize } from './router/authorize';
import { addPostureRoutes } from './router/postureRoutes';
import { addReservationRoutes } from './router/reservationRoutes';
import { parseClusterQuery } from './router/clusterQuery';
import { addFleetRoutes } from './router/fleetRoutes';
import { toApiCluster, toApiLastSync } from './wire/clusterResponses';
import type { AksNetworkService } from './service/AksNetworkService';

const refreshSchema = z
  .object({ clusterId: z.string().min(1).optional() })
  .strict();

/**
 * The plugin's HTTP API under `/api/aks-network` (described in
 * `src/schema/openapi.yaml`). Every route needs Backstage credentials and checks a
 * permission declared in common.
 */
export async function createRouter(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  service: AksNetworkService;
}): Promise<express.Router> {
  const { service } = deps;
  const router = Router();
  router.use(express.json());

  router.get('/clusters', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    res.json(await service.listClusters(parseClusterQuery(req.query)));
  });

  // ARM ids hold slashes: the id travels as one URL-encoded path segment.
  router.get('/clusters/:clusterId', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    const id = req.params.clusterId;
    if (!id.toLowerCase().startsWith('/subscriptions/')) {
      throw new InputError(
        `Invalid path parameter clusterId: '${id}' is not an ARM resource id (URL-encode it whole)`,
      );
    }
    res.json(await service.getCluster(id));
  });

  // Plans a network: validation and sizing only, nothing is reserved or created.
  router.post('/plan', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    const result = validateNetworkRequest(req.body);
    const errors = result.findings.filter(f => f.severity === 'error');
    if (errors.length > 0) {
      throw new InputError(
        errors.map(f => `${f.field}: ${f.message}`).join('; '),
      );
    }
    res.json({
      request: result.request,
      plan: result.plan,
      findings: result.findings,
    });
  });

  // Runs a sync of every subscription now, or refreshes one cluster, so that a newly
  // created cluster is in the inventory (and the catalog) at once.
  router.post('/refresh', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    const { clusterId } = parseBody(refreshSchema, req.body);
    if (clusterId) {
      const cluster = await service.sync.refreshCluster(clusterId);
      if (!cluster) {
        throw new NotFoundError(`Azure does not list cluster ${clusterId}`);
      }
      res.json({ cluster: toApiCluster(cluster) });
      return;
    }
    const run = await service.sync.run();
    res.json({ lastSync: toApiLastSync([run]), outcomes: run.outcomes });
  });

  addPostureRoutes(router, deps);
  addFleetRoutes(router, deps);
  addAddressPoolRoutes(router, deps);
  addReservationRoutes(router, deps);

  return router;
}
