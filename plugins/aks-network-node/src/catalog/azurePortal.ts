import type { Config } from '@backstage/config';
import { AZURE_CLOUD_NAMES, AZURE_CLOUDS, AzureCloudName } from '../clouds';
import { AZURE_ACCESS_CONFIG_KEY } from '../config/readAzureAccessConfig';

/**
 * The Azure public cloud portal. Sovereign clouds have their own portal host
 * (`AZURE_CLOUDS[cloud].portalUrl`), see {@link azurePortalBaseUrl}.
 *
 * @public
 */
export const DEFAULT_AZURE_PORTAL_BASE_URL =
  AZURE_CLOUDS.AzurePublicCloud.portalUrl;

/**
 * The portal of an Azure cloud, the public cloud's when none is named. A name that is
 * not one of `AZURE_CLOUDS` gives the public portal here; `readAzureAccessConfig` is
 * what refuses it.
 *
 * @public
 */
export function azureCloudPortalUrl(cloud: string | undefined): string {
  return AZURE_CLOUD_NAMES.includes(cloud as AzureCloudName)
    ? AZURE_CLOUDS[cloud as AzureCloudName].portalUrl
    : DEFAULT_AZURE_PORTAL_BASE_URL;
}

/**
 * The portal of the configured Azure cloud (`aksNetwork.azure.cloud`): the one place
 * the backend's posture links and the catalog module's entity links get it, so they
 * point at the same portal.
 *
 * @public
 */
export function azurePortalBaseUrl(config: Config): string {
  return azureCloudPortalUrl(
    config.getOptionalString(`${AZURE_ACCESS_CONFIG_KEY}.cloud`),
  );
}

/**
 * The portal page of an ARM resource. `#@/resource<id>` with an empty tenant lets the
 * portal pick the signed-in user's directory.
 *
 * @public
 */
export function azurePortalResourceUrl(
  portalBaseUrl: string,
  armId: string,
): string {
  return `${portalBaseUrl.replace(/\/+$/, '')}/#@/resource${armId}/overview`;
}
