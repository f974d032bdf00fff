/**
 * The AKS network frontend for the new frontend system: the plugin (default export)
 * and the scaffolder module with the network plan fields.
 *
 * @packageDocumentation
 */

export { default } from './plugin';
export { aksNetworkScaffolderModule } from './scaffolderFormFields';
export {
  entityAksClusterCard,
  entityAksNetworkPostureCard,
} from './entityCards';
export { aksFleetPage } from './pages';
export { aksNetworkApi } from './apis';
