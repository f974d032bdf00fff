import {
  AZURE_IPV6_SUBNET_PREFIX,
  AZURE_SMALLEST_IPV4_SUBNET_PREFIX,
  DEFAULT_MAX_SURGE_NODES,
  MAX_MAX_PODS,
  parseCidr,
  planNodeSubnet,
} from '@aks-network/plugin-aks-network-common';
import { InputError } from '@backstage/errors';
import type { AddressPool } from '../model';
import type { ClusterPolicy } from '../plan/ClusterPolicy';

/** How long reservations are held: the default and the most a caller may ask. */
export interface ReservationTtlSettings {
  defaultTtlSeconds: number;
  maxTtlSeconds: number;
}

/**
 * The largest subnet (shortest prefix) a reservation in the pool may ask for: the
 * pool's own prefix, or the node subnet of the largest cluster the policy allows
 * (`nodeCount.max` nodes, the default surge, and for flat Azure CNI the most pods a
 * node may run) when that needs more — the subnet a valid plan hands out, never more.
 * So one call cannot take a whole range.
 */
export function largestReservablePrefix(
  pool: Pick<AddressPool, 'subnetPrefix'>,
  policy: Pick<ClusterPolicy, 'allowedNetworkModels' | 'nodeCount'>,
): number {
  const needed = policy.allowedNetworkModels.map(
    model =>
      planNodeSubnet(model, [
        {
          nodeCount: policy.nodeCount.max,
          maxSurge: DEFAULT_MAX_SURGE_NODES,
          maxPods: MAX_MAX_PODS,
        },
      ]).smallestPrefix ?? 0,
  );
  return Math.min(pool.subnetPrefix, ...needed);
}

function wholeNumber(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new InputError(
      `${field}: expected a whole number, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * The prefix and hold of a reservation request, within the pool's settings: the
 * prefix from {@link largestReservablePrefix} to Azure's smallest subnet (/29; IPv6
 * subnets are /64), default the pool's; the hold from 1 second to the configured
 * maximum, default the configured TTL.
 *
 * @throws InputError naming `prefix` or `ttlSeconds`.
 */
export function boundReservationRequest(
  request: { prefix?: number; ttlSeconds?: number },
  pool: Pick<AddressPool, 'id' | 'range' | 'subnetPrefix'>,
  policy: Pick<ClusterPolicy, 'allowedNetworkModels' | 'nodeCount'>,
  ttl: ReservationTtlSettings,
): { prefix: number; ttlSeconds: number } {
  const ttlSeconds =
    request.ttlSeconds === undefined
      ? ttl.defaultTtlSeconds
      : wholeNumber('ttlSeconds', request.ttlSeconds);
  if (ttlSeconds < 1 || ttlSeconds > ttl.maxTtlSeconds) {
    throw new InputError(
      `ttlSeconds: ${ttlSeconds} is outside 1–${ttl.maxTtlSeconds} seconds (aksNetwork.reservations.maxTtlSeconds)`,
    );
  }
  const prefix =
    request.prefix === undefined
      ? pool.subnetPrefix
      : wholeNumber('prefix', request.prefix);
  const range = parseCidr(pool.range);
  if (range.ok && range.cidr.family === 'ipv6') {
    if (prefix !== AZURE_IPV6_SUBNET_PREFIX) {
      throw new InputError(
        `prefix: Azure IPv6 subnets are /${AZURE_IPV6_SUBNET_PREFIX}, got /${prefix}`,
      );
    }
    return { prefix, ttlSeconds };
  }
  const largest = largestReservablePrefix(pool, policy);
  if (prefix < largest || prefix > AZURE_SMALLEST_IPV4_SUBNET_PREFIX) {
    throw new InputError(
      `prefix: /${prefix} is outside /${largest}–/${AZURE_SMALLEST_IPV4_SUBNET_PREFIX}, the subnets address pool '${pool.id}' hands out (its own /${pool.subnetPrefix}, or the node subnet of the largest cluster the policy allows, ${policy.nodeCount.max} nodes)`,
    );
  }
  return { prefix, ttlSeconds };
}
