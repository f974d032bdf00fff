export { clusterEntityName } from './clusterEntityName';
export {
  DEFAULT_AZURE_PORTAL_BASE_URL,
  azurePortalResourceUrl,
} from './azurePortal';
