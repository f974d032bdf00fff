/**
 * An HTTPS server speaking the subset of Azure Resource Manager that the AKS network
 * plugins use, for the local default and the tests. Production code never imports it.
 *
 * @packageDocumentation
 */

/** The api-version of `@azure/arm-containerservice` the simulator speaks. @public */
export const CONTAINER_SERVICE_API_VERSION = '2026-04-01';
