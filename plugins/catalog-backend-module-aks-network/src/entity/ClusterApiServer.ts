import { ClusterRecord } from '@aks-network/plugin-aks-network-common';

/**
 * Fields the Kubernetes plugin needs that `ClusterRecord` does not carry yet: ARM
 * `properties.fqdn` / `properties.privateFQDN`, and the CA of the API server
 * (`certificate-authority-data` of `listClusterUserCredentials`, base64). They are
 * read when present so the entity gains the locator annotations as soon as the
 * inventory records them; until then they are left out, never guessed.
 *
 * @public
 */
export interface ClusterApiServerFields {
  fqdn?: string;
  privateFqdn?: string;
  apiServerCertificateAuthority?: string;
}

/** The API server URL and CA of a cluster, as far as the record knows them. */
export function clusterApiServer(
  record: ClusterRecord & ClusterApiServerFields,
): { url?: string; certificateAuthority?: string } {
  // A private cluster has only a private FQDN; a public one may have both, and the
  // public one is what a Backstage backend outside the VNet can reach.
  const host = record.fqdn?.trim() || record.privateFqdn?.trim();
  const ca = record.apiServerCertificateAuthority?.trim();
  return {
    url: host ? `https://${host}:443` : undefined,
    certificateAuthority: ca || undefined,
  };
}
