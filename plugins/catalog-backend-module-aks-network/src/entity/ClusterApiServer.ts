import { ClusterRecord } from '@aks-network/plugin-aks-network-common';

/**
 * The API server URL and CA of a cluster, as far as the record knows them. The CA is
 * only in records of an inventory that reads it (opt-in
 * `aksNetwork.azure.readApiServerCertificateAuthority`, which needs the cluster-user
 * role); without it the annotation is left out, never guessed.
 */
export function clusterApiServer(record: ClusterRecord): {
  url?: string;
  certificateAuthority?: string;
} {
  // A private cluster has only a private FQDN; a public one may have both, and the
  // public one is what a Backstage backend outside the VNet can reach.
  const host = record.fqdn?.trim() || record.privateFqdn?.trim();
  const ca = record.apiServerCertificateAuthority?.trim();
  return {
    url: host ? `https://${host}:443` : undefined,
    certificateAuthority: ca || undefined,
  };
}
