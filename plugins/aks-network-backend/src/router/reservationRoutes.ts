import {
  aksClusterCreatePermission,
  aksClusterReadPermission,
  aksReservationUpdatePermission,
} from '@aks-network/plugin-aks-network-common';
import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { Router } from 'express';
import { z } from 'zod';
import type { AksNetworkService } from '../service/AksNetworkService';
import { toApiReservation } from '../wire/addressPoolResponses';
import type { PermissionRuleset } from '@backstage/plugin-permission-node';
import type { Reservation } from '../database/AksNetworkStore';
import { authorize, authorizeResource } from './authorize';
import { parseBody, parseRequestInput } from './parseBody';

const reserveSchema = z
  .object({
    /** Idempotency key: a retried scaffolder task sends the same one. */
    requestKey: z.string().min(1).max(200),
    owner: z.string().min(1).optional(),
    prefix: z.number().int().optional(),
    ttlSeconds: z.number().int().positive().optional(),
  })
  .strict();

const commitSchema = z.object({ subnetId: z.string().min(1) }).strict();

const nextSubnetQuery = z
  .object({
    prefix: z.coerce.number().int().optional(),
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
    service: AksNetworkService;
    reservationRules: PermissionRuleset<Reservation>;
  },
) {
  const { service } = deps;
  const { store } = service;

  router.post('/address-pools/:poolId/reservations', async (req, res) => {
    const credentials = await authorize(req, aksClusterCreatePermission, deps);
    const body = parseBody(reserveSchema, req.body);
    const principal = credentials.principal as {
      userEntityRef?: string;
      subject?: string;
    };
    const reservation = await service.reserveSubnet(req.params.poolId, {
      ...body,
      owner:
        body.owner ?? principal.userEntityRef ?? principal.subject ?? 'unknown',
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
    const reservation = await store.getReservation({
      id: req.params.reservationId,
    });
    if (!reservation) {
      throw new NotFoundError(`No reservation '${req.params.reservationId}'`);
    }
    res.json(toApiReservation(reservation));
  });

  // Records the subnet made from the reservation: its range stays taken for good.
  // Committing and releasing act on one reservation: the policy may allow them only on
  // the caller's own (the shipped policy: its owner and pool managers).
  const reservationAccess = (id: string) => ({
    ruleset: deps.reservationRules,
    load: () => store.getReservation({ id }),
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
        await store.commitReservation(req.params.reservationId, subnetId),
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
        await store.releaseReservation({ id: req.params.reservationId }),
      ),
    );
  });
}
