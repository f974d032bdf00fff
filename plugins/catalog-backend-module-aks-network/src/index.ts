/**
 * Catalog module that turns the AKS network inventory into `Resource` entities of
 * type `kubernetes-cluster`.
 *
 * @packageDocumentation
 */

export { catalogModuleAksNetwork as default } from './module';
