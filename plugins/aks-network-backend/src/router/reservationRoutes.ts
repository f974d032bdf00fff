import {
  aksClusterCreatePermission,
  aksClusterReadPermission,
  aksReservationUpdatePermission,
} from '@aks-network/plugin-aks-network-common';
import type {
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { Router } from 'express';
import { z } from 'zod';
import type { AksNetworkService } from '../service/AksNetworkService';
import { toApiReservation } from '../wire/addressPoolResponses';
import type { PermissionRuleset } from '@backstage/plugin-permission-node';
import type { Reservation } from '../model';
import { authorize, authorizeResource } from './authorize';
import { queryInteger, safeText } from './inputText';
import { parseBody, parseRequestInput } from './parseBody';
import { reservationOwner } from './reservationOwner';

// Shapes and the bounds no pool can widen; the pool's own bounds (prefix, TTL) and
// the owner are checked by the service and reservationOwner, naming the field.
const reserveSchema = z
  .object({
    /** Idempotency key: a retried scaffolder task sends the same one. */
    requestKey: safeText(200),
    owner: safeText(256).optional(),
    prefix: z.number().int().min(0).max(128).optional(),
    ttlSeconds: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

const commitSchema = z
  .object({
    /** Checked as a subnet ARM id inside the pool's VNet by the service. */
    subnetId: z.string().min(1).max(1024),
  })
  .strict();

const nextSubnetQuery = z
  .object({
    prefix: queryInteger(0, 128).optional(),
  })
  .strict();

/**
 * Reservations: a subnet held in a pool while a cluster is created. Reserving is part
 * of creating a cluster (the create permission); committing and releasing one need
 * `aks-network.reservation.update` on that reservation.
 */
export function addReservationRoutes(
  router: Router,
  deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    userInfo: UserInfoService;
    service: AksNetworkService;
    reservationRules: PermissionRuleset<Reservation>;
  },
) {
  const { service } = deps;

  router.post('/address-pools/:poolId/reservations', async (req, res) => {
    const credentials = await authorize(req, aksClusterCreatePermission, deps);
    const body = parseBody(reserveSchema, req.body);
    const reservation = await service.reserveSubnet(req.params.poolId, {
      ...body,
      owner: await reservationOwner(credentials, body.owner, deps.userInfo),
    });
    res.status(201).json(toApiReservation(reservation));
  });

  // What a reservation would get now, holding nothing: for plans and dry runs. The VNet
  // is read as for a reservation, with its address space for overlap checks.
  router.get('/address-pools/:poolId/next-subnet', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    const { prefix } = parseRequestInput(nextSubnetQuery, req.query, 'query');
    res.json(await service.nextSubnet(req.params.poolId, prefix));
  });

  router.get('/reservations/:reservationId', async (req, res) => {
    await authorize(req, aksClusterReadPermission, deps);
    res.json(
      toApiReservation(await service.getReservation(req.params.reservationId)),
    );
  });

  // Records the subnet made from the reservation: its range stays taken for good.
  // Committing and releasing act on one reservation: the policy may allow them only on
  // the caller's own (the shipped policy: its owner and pool managers).
  const reservationAccess = (id: string) => ({
    ruleset: deps.reservationRules,
    load: () => service.findReservation(id),
    missing: `No reservation '${id}'`,
  });

  router.post('/reservations/:reservationId/commit', async (req, res) => {
    await authorizeResource(
      req,
      aksReservationUpdatePermission,
      deps,
      reservationAccess(req.params.reservationId),
    );
    const { subnetId } = parseBody(commitSchema, req.body);
    res.json(
      toApiReservation(
        await service.commitReservation(req.params.reservationId, subnetId),
      ),
    );
  });

  router.post('/reservations/:reservationId/release', async (req, res) => {
    await authorizeResource(
      req,
      aksReservationUpdatePermission,
      deps,
      reservationAccess(req.params.reservationId),
    );
    res.json(
      toApiReservation(
        await service.releaseReservation(req.params.reservationId),
      ),
    );
  });
}
