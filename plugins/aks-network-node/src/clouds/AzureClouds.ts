import { AzureAuthorityHosts } from '@azure/identity';

/**
 * The Azure clouds the plugins know by name.
 *
 * @public
 */
export type AzureCloudName =
  | 'AzurePublicCloud'
  | 'AzureChinaCloud'
  | 'AzureUSGovernment';

/**
 * Where one Azure cloud's Resource Manager and identity live.
 *
 * @public
 */
export interface AzureCloud {
  name: AzureCloudName;
  /** Base URL of Azure Resource Manager, without a trailing slash. */
  resourceManagerEndpoint: string;
  /** Token audience of Resource Manager; the scope asked for is `<audience>/.default`. */
  audience: string;
  /** Microsoft Entra ID host that issues tokens in this cloud. */
  authorityHost: string;
  /** The Azure portal of this cloud, for links people open. */
  portalUrl: string;
}

/**
 * The sovereign clouds differ in every host name: a token from one cloud's authority is
 * refused by another cloud's Resource Manager, so endpoint, audience and authority are
 * kept together here and chosen as one.
 *
 * @public
 */
export const AZURE_CLOUDS: Readonly<Record<AzureCloudName, AzureCloud>> = {
  AzurePublicCloud: {
    name: 'AzurePublicCloud',
    resourceManagerEndpoint: 'https://management.azure.com',
    audience: 'https://management.azure.com',
    authorityHost: AzureAuthorityHosts.AzurePublicCloud,
    portalUrl: 'https://portal.azure.com',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    resourceManagerEndpoint: 'https://management.chinacloudapi.cn',
    audience: 'https://management.chinacloudapi.cn',
    authorityHost: AzureAuthorityHosts.AzureChina,
    portalUrl: 'https://portal.azure.cn',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    resourceManagerEndpoint: 'https://management.usgovcloudapi.net',
    audience: 'https://management.usgovcloudapi.net',
    authorityHost: AzureAuthorityHosts.AzureGovernment,
    portalUrl: 'https://portal.azure.us',
  },
};

/**
 * The cloud the plugins use when config names none.
 *
 * @public
 */
export const DEFAULT_AZURE_CLOUD: AzureCloudName = 'AzurePublicCloud';

/**
 * The names in {@link AZURE_CLOUDS}, for validation and error messages.
 *
 * @public
 */
export const AZURE_CLOUD_NAMES = Object.keys(AZURE_CLOUDS) as AzureCloudName[];

/**
 * The OAuth scope to ask for to call Resource Manager with a token of this audience.
 *
 * @public
 */
export function armScopeForAudience(audience: string): string {
  // Entra ID wants `<resource>/.default` for the client-credentials flow; a trailing
  // slash on the audience would give `//.default`, which Entra ID rejects.
  return `${audience.replace(/\/+$/, '')}/.default`;
}
