/**
 * What AKS fills in when a managed cluster PUT leaves it out, as the simulator states
 * it (apart from the plugin's own statement, so that the two are checked against each
 * other rather than shared).
 */

/**
 * Pod CIDR of an overlay or kubenet cluster that names none
 * (https://learn.microsoft.com/azure/aks/azure-cni-overlay,
 * https://learn.microsoft.com/azure/aks/configure-kubenet).
 */
export const AKS_DEFAULT_POD_CIDR = '10.244.0.0/16';

/**
 * Service CIDR and DNS service IP of a cluster that names none
 * (https://learn.microsoft.com/azure/aks/configure-azure-cni#deployment-parameters).
 */
export const AKS_DEFAULT_SERVICE_CIDR = '10.0.0.0/16';
export const AKS_DEFAULT_DNS_SERVICE_IP = '10.0.0.10';

/**
 * The IPv6 pod and service CIDRs of a dual-stack cluster that names none: the second
 * entries of `--pod-cidrs` (`10.244.0.0/16,fd12:3456:789a::/64`) and `--service-cidrs`
 * (`10.0.0.0/16,fd12:3456:789a:1::/108`)
 * (https://learn.microsoft.com/azure/aks/configure-dual-stack).
 */
export const AKS_DEFAULT_POD_CIDR_IPV6 = 'fd12:3456:789a::/64';
export const AKS_DEFAULT_SERVICE_CIDR_IPV6 = 'fd12:3456:789a:1::/108';

/**
 * Pods per node when a pool sets no `maxPods`: 30 for Azure CNI (overlay, flat, pod
 * subnet), 110 for kubenet, 250 for bring-your-own CNI
 * (https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning).
 */
export const AKS_DEFAULT_MAX_PODS = { azure: 30, kubenet: 110, none: 250 };

/**
 * Surge nodes of a pool whose `upgradeSettings.maxSurge` is unset: one, AKS's default
 * upgrade buffer ("If not specified, the default is 1",
 * https://learn.microsoft.com/javascript/api/@azure/arm-containerservice/agentpoolupgradesettings;
 * https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/connectivity/insufficientsubnetsize-error-advanced-networking).
 * Newer API versions default new pools to `'10%'`
 * (https://learn.microsoft.com/azure/aks/upgrade-cluster#customize-node-surge-upgrade),
 * which the simulator writes into the pools it fills in.
 */
export const DEFAULT_MAX_SURGE_NODES = 1;
