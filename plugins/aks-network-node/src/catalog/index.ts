export { clusterEntityName, clusterEntityRef } from './clusterEntityName';
export {
  DEFAULT_AZURE_PORTAL_BASE_URL,
  azureCloudPortalUrl,
  azurePortalBaseUrl,
  azurePortalResourceUrl,
} from './azurePortal';
