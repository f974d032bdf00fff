import { AZURE_CLOUDS } from '../clouds';

/**
 * The Azure public cloud portal. Sovereign clouds have their own portal host
 * (`AZURE_CLOUDS[cloud].portalUrl`), hence the `portalBaseUrl` option.
 *
 * @public
 */
export const DEFAULT_AZURE_PORTAL_BASE_URL =
  AZURE_CLOUDS.AzurePublicCloud.portalUrl;

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
