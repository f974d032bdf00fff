export { AKS_NETWORK_CONFIG_ROOT } from './AksNetworkConfigRoot';
export {
  AZURE_ACCESS_CONFIG_KEY,
  readAzureAccessConfig,
} from './readAzureAccessConfig';
export type { ReadAzureAccessConfigOptions } from './readAzureAccessConfig';
export {
  describeAzureAccess,
  redactAzureAccessConfig,
} from './describeAzureAccess';
export type {
  ArmRequestSettings,
  AzureAccessConfig,
  AzureCredentialConfig,
  AzureSubscriptionRef,
  ClientSecretCredentialConfig,
  DefaultAzureCredentialConfig,
  DevelopmentCredentialConfig,
} from './AzureAccessConfig';
export { parseConfigSection } from './parseConfigSection';
export {
  CLUSTER_TAGS_CONFIG_KEY,
  readClusterTagNames,
} from './readClusterTagNames';
export type { ReadClusterTagNamesOptions } from './readClusterTagNames';
