/**
 * AKS defaults (docs/domain.md#network-defaults: "Default pod CIDR 10.244.0.0/16, service CIDR 10.0.0.0/16,
 * DNS IP 10.0.0.10").
 *
 * @public
 */
export const DEFAULT_POD_CIDR = '10.244.0.0/16';

/** Default service CIDR (docs/domain.md#network-defaults). @public */
export const DEFAULT_SERVICE_CIDR = '10.0.0.0/16';

/** Default cluster DNS service IP, inside the default service CIDR (docs/domain.md#network-defaults). @public */
export const DEFAULT_DNS_SERVICE_IP = '10.0.0.10';

/**
 * IPv6 pod CIDR AKS gives a dual-stack cluster that names none: the second entry of
 * `--pod-cidrs`' default `10.244.0.0/16,fd12:3456:789a::/64`
 * (https://learn.microsoft.com/azure/aks/configure-dual-stack).
 *
 * @public
 */
export const DEFAULT_POD_CIDR_IPV6 = 'fd12:3456:789a::/64';

/**
 * IPv6 service CIDR AKS gives a dual-stack cluster that names none: the second entry
 * of `--service-cidrs`' default `10.0.0.0/16,fd12:3456:789a:1::/108`
 * (https://learn.microsoft.com/azure/aks/configure-dual-stack).
 *
 * @public
 */
export const DEFAULT_SERVICE_CIDR_IPV6 = 'fd12:3456:789a:1::/108';

/**
 * Default pod limit per node with overlay (docs/domain.md#default-max-pods: "the default pod limit is 30 per
 * node"). Used for every Azure CNI model when a pool does not say.
 *
 * @public
 */
export const DEFAULT_MAX_PODS = 30;

/**
 * Surge nodes assumed when a pool does not set `upgradeSettings.maxSurge`. The flat CNI fact's (docs/domain.md#flat-node-subnet)
 * sizing example uses surge 1; it is an assumption of this plugin, not an Azure fact.
 *
 * @public
 */
export const DEFAULT_MAX_SURGE_NODES = 1;

/**
 * Overlay subnet sizes (docs/domain.md#overlay-node-subnet-sizes: "The node subnet shrinks to a /27 by default (another
 * /27 for blue/green, a /28 for a firewall)").
 *
 * @public
 */
export const DEFAULT_NODE_SUBNET_PREFIX = 27;

/** Prefix of the blue/green node subnet that sits next to the default one (docs/domain.md#overlay-node-subnet-sizes). @public */
export const BLUE_GREEN_NODE_SUBNET_PREFIX = 27;

/** Prefix of the firewall subnet (docs/domain.md#overlay-node-subnet-sizes). @public */
export const FIREWALL_SUBNET_PREFIX = 28;
