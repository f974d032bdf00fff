import { aksClusterReadPermission } from '@aks-network/plugin-aks-network-common';
import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Router } from 'express';
import { z } from 'zod';
import type { AksNetworkService } from '../service/AksNetworkService';
import { toApiEntityPosture } from '../wire/postureResponses';
import { authorize } from './authorize';
import { entityRefText } from './inputText';
import { parseRequestInput } from './parseBody';

const postureQuery = z.object({ entityRef: entityRefText }).strict();

/**
 * `GET /posture?entityRef=…`: the clusters a catalog entity is linked to, each with
 * its posture findings. The catalog is read with the caller's credentials.
 */
export function addPostureRoutes(
  router: Router,
  deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    catalog: CatalogService;
    service: AksNetworkService;
  },
): void {
  router.get('/posture', async (req, res) => {
    const credentials = await authorize(req, aksClusterReadPermission, deps);
    const { entityRef } = parseRequestInput(postureQuery, req.query, 'query');
    res.json(
      toApiEntityPosture(
        await deps.service.entityPosture({
          entityRef,
          credentials,
          catalog: deps.catalog,
        }),
      ),
    );
  });
}
