/**
 * Azure access for the AKS network plugins: credentials, clouds, ARM clients with
 * retry and throttling, and the mapping from ARM payloads to the domain records of
 * `@aks-network/plugin-aks-network-common`.
 *
 * @packageDocumentation
 */

export { AKS_NETWORK_CONFIG_ROOT } from './config';
