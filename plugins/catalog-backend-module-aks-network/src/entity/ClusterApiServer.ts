import { ClusterRecord } from '@aks-network/plugin-aks-network-common';

/**
 * What the Kubernetes plugin needs that `ClusterRecord` does not carry: the CA of the
 * API server (`certificate-authority-data` of `listClusterUserCredentials`, base64).
 * Reading it takes the cluster-user role on every cluster, more than the inventory's
 * reader role, so the inventory does not; a record that carries it gets the
 * annotation, otherwise it is left out, never guessed.
 *
 * @public
 */
export interface ClusterApiServerFields {
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
