/**
 * Azure access for the AKS network plugins: credentials, clouds, ARM clients with
 * retry and throttling, and the mapping from ARM payloads to the domain records of
 * `@aks-network/plugin-aks-network-common`.
 *
 * @packageDocumentation
 */

export * from './config';
export * from './clouds';
export * from './credentials';
export * from './pipeline';
export * from './clients';
export * from './mapping';
export * from './inventory';
export * from './provisioning';
// How clusters are named and linked in the catalog, shared by the catalog module
// (which emits the entities) and the scaffolder module (which links to them).
export * from './catalog';
