/**
 * Largest AKS cluster, in nodes (DESIGN: "Max 5,000 nodes").
 *
 * @public
 */
export const MAX_NODES_PER_CLUSTER = 5000;

/** Lowest `maxPods` a pool may set (DESIGN: "maxPods range 10–250"). @public */
export const MIN_MAX_PODS = 10;

/** Highest `maxPods` a pool may set (DESIGN: "250 pods per node"). @public */
export const MAX_MAX_PODS = 250;

/**
 * Pods every pool must still hold when it sets `maxPods` below 30 (DESIGN: "10 only if
 * every pool still holds 30 pods"). This plugin reads it as: a pool with
 * `maxPods < 30` needs `count × maxPods ≥ 30`.
 *
 * @public
 */
export const MIN_PODS_PER_POOL = 30;

/**
 * Each overlay (and kubenet) node takes a fixed /24 of the pod CIDR (DESIGN: "a pod
 * CIDR of prefix p holds 2^(24-p) nodes").
 *
 * @public
 */
export const POD_CIDR_PREFIX_PER_NODE = 24;

/**
 * Longest Azure name this plugin accepts for a cluster, subnet, VNet or resource group
 * (DESIGN: "Names (cluster, subnet, VNet, resource group) ≤ 63 characters").
 *
 * @public
 */
export const MAX_NAME_LENGTH = 63;

/**
 * The service CIDR must be smaller than a /12, i.e. its prefix must be greater than 12
 * (DESIGN: "Service CIDR smaller than /12").
 *
 * @public
 */
export const SERVICE_CIDR_PREFIX_LIMIT = 12;

/**
 * The longest (i.e. largest) IPv6 service CIDR: /108 or smaller (DESIGN: "IPv6 service
 * CIDR /108 or smaller").
 *
 * @public
 */
export const MIN_IPV6_SERVICE_CIDR_PREFIX = 108;
