import {
  ADDRESS_EXHAUSTION_WARN_RATIO,
  readEntityRef,
} from '@aks-network/plugin-aks-network-common';
import {
  configBoolean,
  configNumber,
} from '@aks-network/plugin-aks-network-node';
import { z } from 'zod';

/**
 * A pool with fewer free node subnets than this tells the platform group. A policy
 * choice of this plugin, not an Azure limit (docs/domain.md#owner-notifications): five
 * /27s are five more clusters, time enough to add a range.
 */
export const DEFAULT_MIN_FREE_POOL_SUBNETS = 5;

/**
 * The cluster checks a notification speaks of, as `aksNetwork.notifications.checks`
 * names them.
 *
 * @public
 */
export const NOTIFIED_CLUSTER_CHECKS = [
  'nodeSubnetFill',
  'podCidrFill',
  'egressIngressMonitored',
  'historyKept',
  'samePodToPodVisible',
  'stale',
] as const;

/**
 * One of {@link NOTIFIED_CLUSTER_CHECKS}.
 *
 * @public
 */
export type NotifiedClusterCheck = (typeof NOTIFIED_CLUSTER_CHECKS)[number];

/**
 * `aksNetwork.notifications`, with defaults applied.
 *
 * @public
 */
export interface NotificationSettings {
  /** Off: nothing is sent, and no state is kept. */
  enabled: boolean;
  /**
   * Share of a node subnet, pod subnet or pod CIDR in use, upgrade surge counted, from
   * which its owners are told.
   */
  fillThreshold: number;
  /** Each cluster check, on or off. */
  checks: Record<NotifiedClusterCheck, boolean>;
  addressPools: {
    enabled: boolean;
    /** A pool with fewer free node subnets than this tells the recipients. */
    minFreeSubnets: number;
    /** Entity refs told of a pool running out (the platform group). */
    recipients: string[];
  };
}

/**
 * The schema of `aksNetwork.notifications`; a bad value stops the backend naming the
 * key (`aksNetwork.notifications.fillThreshold: …`).
 *
 * @public
 */
export const notificationSettingsSchema = z
  .object({
    enabled: configBoolean().default(true),
    fillThreshold: configNumber(
      z
        .number()
        .gt(0, 'expected a share above 0, e.g. 0.8')
        .max(1, 'expected a share of at most 1, e.g. 0.8'),
    ).default(ADDRESS_EXHAUSTION_WARN_RATIO),
    checks: z
      .object(
        Object.fromEntries(
          NOTIFIED_CLUSTER_CHECKS.map(check => [
            check,
            configBoolean().default(true),
          ]),
        ) as Record<
          NotifiedClusterCheck,
          z.ZodDefault<ReturnType<typeof configBoolean>>
        >,
      )
      .strict()
      .default({}),
    addressPools: z
      .object({
        enabled: configBoolean().default(true),
        minFreeSubnets: configNumber(z.number().int().min(1)).default(
          DEFAULT_MIN_FREE_POOL_SUBNETS,
        ),
        recipients: z
          .array(
            z.string().transform((value, ctx) => {
              const read = readEntityRef(value, 'group', ['group', 'user']);
              if (!read.ok) {
                ctx.addIssue({
                  code: z.ZodIssueCode.custom,
                  message: read.problem,
                });
                return z.NEVER;
              }
              return read.ref;
            }),
          )
          .default([]),
      })
      .strict()
      .default({}),
  })
  .strict()
  .default({}) as z.ZodType<NotificationSettings, z.ZodTypeDef, unknown>;
