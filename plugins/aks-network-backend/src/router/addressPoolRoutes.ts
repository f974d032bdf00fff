import {
  ADDRESS_POOL_PAGE_LIMITS,
  aksAddressPoolManagePermission,
  aksClusterReadPermission,
} from '@aks-network/plugin-aks-network-common';
import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Router } from 'express';
import { z } from 'zod';
import type { AksNetworkService } from '../service/AksNetworkService';
import { toApiAddressPool } from '../wire/addressPoolResponses';
import { authorize } from './authorize';
import { queryInteger } from './inputText';
import { parseBody, parseRequestInput } from './parseBody';

// Field rules (GUID, Azure's names, region, CIDR, prefix, id and description
// characters and lengths) are checked by addressPoolRules with errors that name the
// field; the schema settles the shape and bounds numbers.
const poolFields = {
  subscriptionId: z.string().min(1),
  resourceGroup: z.string().min(1),
  vnetName: z.string().min(1),
  region: z.string().min(1),
  range: z.string().min(1),
  subnetPrefix: z.number().int().min(0).max(128).optional(),
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

const listPoolsQuery = z
  .object({
    /** With each pool's free node subnets (one VNet read per pool). */
    capacity: z.enum(['true', 'false']).optional(),
    limit: queryInteger(1, ADDRESS_POOL_PAGE_LIMITS.max).optional(),
    offset: queryInteger(0, ADDRESS_POOL_PAGE_LIMITS.maxOffset).optional(),
  })
  .strict();

// Types only: the values (names, CIDRs, ranges) are checked by common's rules in the
// plan, each finding naming its field.
const planSchema = z
  .object({
    name: z.string().max(256).optional(),
    resourceGroup: z.string().max(256).optional(),
    region: z.string().max(64).optional(),
    nodeCount: z.number().finite(),
    vmSize: z.string().max(128).optional(),
    maxPods: z.number().finite().optional(),
    kubernetesVersion: z.string().max(32).optional(),
    networkModel: z.string().max(64).optional(),
    networkDataplane: z.string().max(64).optional(),
    acnsObservability: z.boolean().optional(),
    podCidr: z.string().max(64).optional(),
    serviceCidr: z.string().max(64).optional(),
    dnsServiceIp: z.string().max(64).optional(),
    nodePoolName: z.string().max(64).optional(),
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
  const { service } = deps;

  router.get('/address-pools', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    const { capacity, limit, offset } = parseRequestInput(
      listPoolsQuery,
      req.query,
      'query',
    );
    res.json(
      await service.listAddressPools({
        capacity: capacity === 'true',
        limit,
        offset,
      }),
    );
  });

  router.get('/address-pools/:poolId', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    res.json(toApiAddressPool(await service.getAddressPool(req.params.poolId)));
  });

  // The whole plan of a cluster in the pool (policy, the pool's VNet, common's rules,
  // the subnet it would get now); reserves nothing. Problems are findings in a 200.
  router.post('/address-pools/:poolId/plan', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    const request = parseBody(planSchema, req.body);
    res.json(await service.planInPool(req.params.poolId, request));
  });

  router.post('/address-pools', async (req, res) => {
    await authorize(req, aksAddressPoolManagePermission, deps);
    const input = parseBody(createPoolSchema, req.body);
    res
      .status(201)
      .json(toApiAddressPool(await service.createAddressPool(input)));
  });

  router.put('/address-pools/:poolId', async (req, res) => {
    await authorize(req, aksAddressPoolManagePermission, deps);
    const update = parseBody(updatePoolSchema, req.body);
    res.json(
      toApiAddressPool(
        await service.updateAddressPool(req.params.poolId, update),
      ),
    );
  });

  router.delete('/address-pools/:poolId', async (req, res) => {
    await authorize(req, aksAddressPoolManagePermission, deps);
    await service.deleteAddressPool(req.params.poolId);
    res.status(204).end();
  });
}
