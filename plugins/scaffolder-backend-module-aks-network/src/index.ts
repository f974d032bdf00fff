/**
 * Scaffolder actions (`aks-network:*`) that plan and create AKS clusters on Azure CNI
 * Overlay.
 *
 * @packageDocumentation
 */

export { scaffolderModuleAksNetwork as default } from './module';
