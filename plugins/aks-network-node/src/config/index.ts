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
