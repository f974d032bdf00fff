export {
  AZURE_CLOUDS,
  AZURE_CLOUD_NAMES,
  DEFAULT_AZURE_CLOUD,
  armScopeForAudience,
} from './AzureClouds';
export type { AzureCloud, AzureCloudName } from './AzureClouds';
