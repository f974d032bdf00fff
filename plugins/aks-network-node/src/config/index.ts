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
export { configBoolean, configNumber } from './configValues';
export {
  backstageConfigValue,
  configKeyOf,
  parseConfigSection,
} from './parseConfigSection';
export {
  CLUSTER_TAGS_CONFIG_KEY,
  readClusterTagNames,
} from './readClusterTagNames';
export type { ReadClusterTagNamesOptions } from './readClusterTagNames';
/**
 * The zod (3) that {@link parseConfigSection} takes schemas of, for packages of the
 * plugin set without a zod dependency of their own: the repository root resolves
 * `zod` to 4 (the permission framework's), whose schemas this one cannot parse with.
 *
 * @public
 */
export { z as configZod } from 'zod';
