import {
  aksAddressPoolManagePermission,
  aksClusterReadPermission,
} from '@aks-network/plugin-aks-network-common';
import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { Router } from 'express';
import { z } from 'zod';
import type { AksNetworkService } from '../service/AksNetworkService';
import { authorize } from './authorize';
import { parseBody } from './parseBody';

// Field rules (CIDR, prefix, id characters) are checked by the store with errors that
// name the field; the schema only settles the shape.
const poolFields = {
  subscriptionId: z.string().min(1),
  resourceGroup: z.string().min(1),
  vnetName: z.string().min(1),
  region: z.string().min(1),
  range: z.string().min(1),
  subnetPrefix: z.number().int().optional(),
  description: z.string().optional(),
};
const createPoolSchema = z
  .object({ id: z.string().min(1), ...poolFields })
  .strict();
const updatePoolSchema = z
  .object({
    subscriptionId: poolFields.subscriptionId.optional(),
    resourceGroup: poolFields.resourceGroup.optional(),
    vnetName: poolFields.vnetName.optional(),
    region: poolFields.region.optional(),
    range: poolFields.range.optional(),
    subnetPrefix: poolFields.subnetPrefix,
    description: z.string().nullable().optional(),
  })
  .strict();

/** Address pools: anyone who reads clusters may list them; changes need manage. */
export function addAddressPoolRoutes(
  router: Router,
  deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    service: AksNetworkService;
  },
) {
  const { store } = deps.service;

  router.get('/address-pools', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    res.json({ items: await store.listAddressPools() });
  });

  router.get('/address-pools/:poolId', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    const pool = await store.getAddressPool(req.params.poolId);
    if (!pool) {
      throw new NotFoundError(`No address pool '${req.params.poolId}'`);
    }
    res.json(pool);
  });

  router.post('/address-pools', async (req, res) => {
    await authorize(req, aksAddressPoolManagePermission, deps);
    const input = parseBody(createPoolSchema, req.body);
    res.status(201).json(await store.createAddressPool(input));
  });

  router.put('/address-pools/:poolId', async (req, res) => {
    await authorize(req, aksAddressPoolManagePermission, deps);
    const update = parseBody(updatePoolSchema, req.body);
    res.json(await store.updateAddressPool(req.params.poolId, update));
  });

  router.delete('/address-pools/:poolId', async (req, res) => {
    await authorize(req, aksAddressPoolManagePermission, deps);
    await store.deleteAddressPool(req.params.poolId);
    res.status(204).end();
  });
}
