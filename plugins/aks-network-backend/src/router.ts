import {
  aksAddressPoolManagePermission,
  aksClusterReadPermission,
  aksClusterRefreshPermission,
  parseManagedClusterId,
  validateNetworkRequest,
} from '@aks-network/plugin-aks-network-common';
import type { PermissionRuleset } from '@backstage/plugin-permission-node';
import type { InventoryCluster, Reservation } from './model';
import type {
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { parseBody } from './router/parseBody';
import { addAddressPoolRoutes } from './router/addressPoolRoutes';
import { authorize, authorizeResource } from './router/authorize';
import { addPostureRoutes } from './router/postureRoutes';
import { addReservationRoutes } from './router/reservationRoutes';
import { parseClusterQuery } from './router/clusterQuery';
import { addFleetRoutes } from './router/fleetRoutes';
import { addPathParamChecks } from './router/pathParams';
import { toApiCluster, toApiLastSync } from './wire/clusterResponses';
import type { AksNetworkService } from './service/AksNetworkService';

// A cluster id reaches an ARM URL (its subscription is read): only a managed cluster's
// id with a GUID subscription and Azure's names passes, so `..`, `%2F` or a query
// never does.
const refreshSchema = z
  .object({
    clusterId: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        const parsed =
          value === undefined ? undefined : parseManagedClusterId(value);
        if (parsed && !parsed.ok) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.reason });
        }
      }),
  })
  .strict();

/**
 * The plugin's HTTP API under `/api/aks-network` (described in
 * `src/schema/openapi.yaml`). Every route needs Backstage credentials and checks a
 * permission declared in common.
 */
export async function createRouter(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The caller's groups, for the owner a reservation may name. */
  userInfo: UserInfoService;
  catalog: CatalogService;
  service: AksNetworkService;
  /** The rules registered for the plugin's resource types, to apply conditions. */
  permissionRules: {
    reservation: PermissionRuleset<Reservation>;
    cluster: PermissionRuleset<InventoryCluster>;
  };
}): Promise<express.Router> {
  const { service } = deps;
  const router = Router();
  router.use(express.json());
  // Ids no resource can have (and cluster ids that are no managed cluster's ARM id)
  // are a 400 naming the parameter, before any route looks them up.
  addPathParamChecks(router);

  router.get('/clusters', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    res.json(await service.listClusters(parseClusterQuery(req.query)));
  });

  // ARM ids hold slashes: the id travels as one URL-encoded path segment, parsed as a
  // managed cluster's id by addPathParamChecks.
  router.get('/clusters/:clusterId', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    res.json(await service.getCluster(req.params.clusterId));
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

  // Syncs every subscription, or refreshes one cluster, so that a newly created cluster
  // is in the inventory (and the catalog) at once.
  router.post('/refresh', async (req, res) => {
    const { clusterId } = parseBody(refreshSchema, req.body);
    // One cluster: a read the policy may limit to the caller's clusters. Every
    // subscription at once: an operator's act (hundreds of ARM calls), as pools are.
    if (clusterId) {
      await authorizeResource(req, aksClusterRefreshPermission, deps, {
        ruleset: deps.permissionRules.cluster,
        load: () => service.findCluster(clusterId),
        missing: `No cluster '${clusterId}' in the inventory`,
      });
    } else {
      await authorize(req, aksAddressPoolManagePermission, deps);
    }
    if (clusterId) {
      const cluster = await service.refreshCluster(clusterId);
      res.json({ cluster: toApiCluster(cluster) });
      return;
    }
    const { run, reused, nextRefreshAt } = await service.refreshAll();
    res.json({
      lastSync: toApiLastSync(run),
      outcomes: run.outcomes,
      reused,
      nextRefreshAt: nextRefreshAt.toISOString(),
    });
  });

  addPostureRoutes(router, deps);
  addFleetRoutes(router, deps);
  addAddressPoolRoutes(router, deps);
  addReservationRoutes(router, {
    ...deps,
    reservationRules: deps.permissionRules.reservation,
  });

  return router;
}
