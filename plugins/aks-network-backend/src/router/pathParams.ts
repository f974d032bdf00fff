import {
  parseManagedClusterId,
  unsafeTextProblem,
} from '@aks-network/plugin-aks-network-common';
import { InputError } from '@backstage/errors';
import type { NextFunction, Request, Response, Router } from 'express';

/** Longest pool id (see addressPoolRules) and reservation id (a UUID) looked up. */
const MAX_ID_LENGTH = { poolId: 128, reservationId: 64 } as const;

function checkId(name: keyof typeof MAX_ID_LENGTH, value: string): void {
  const problem =
    unsafeTextProblem(value) ??
    (value.length > MAX_ID_LENGTH[name]
      ? `at most ${MAX_ID_LENGTH[name]} characters`
      : undefined);
  if (problem) {
    throw new InputError(`Invalid path parameter ${name}: ${problem}`);
  }
}

/**
 * Checks the path parameters of every route before its handler (and its permission
 * check, which may look the resource up): ids that no pool or reservation can have
 * (a NUL, which PostgreSQL refuses in text, a newline, 10 kB) are a 400 naming the
 * parameter; a cluster id must parse as a managed cluster's ARM id. An id that is
 * well formed but unknown stays a 404 of the route.
 */
export function addPathParamChecks(router: Router): void {
  const check =
    (name: keyof typeof MAX_ID_LENGTH) =>
    (_req: Request, _res: Response, next: NextFunction, value: string) => {
      try {
        checkId(name, value);
        next();
      } catch (error) {
        next(error);
      }
    };
  router.param('poolId', check('poolId'));
  router.param('reservationId', check('reservationId'));
  // ARM ids hold slashes: the id travels as one URL-encoded path segment.
  router.param('clusterId', (_req, _res, next, value: string) => {
    const parsed = parseManagedClusterId(value);
    next(
      parsed.ok
        ? undefined
        : new InputError(
            `Invalid path parameter clusterId: ${parsed.reason} (URL-encode it whole)`,
          ),
    );
  });
}
