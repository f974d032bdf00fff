import type {
  NetworkDataplane,
  NetworkModel,
} from '@aks-network/plugin-aks-network-common';
import type { Config } from '@backstage/config';
import { readAksNetworkBackendConfig } from '../config/aksNetworkBackendConfig';

/**
 * What a new cluster may be and what it defaults to, from `aksNetwork.clusterPolicy`
 * and `aksNetwork.clusterNetwork` (see config.d.ts). The backend owns it because its
 * plan route is where every caller — the template's live plan field and both scaffolder
 * actions — learns whether a cluster may be created.
 *
 * @public
 */
export interface ClusterPolicy {
  allowedNetworkModels: NetworkModel[];
  allowedDataplanes: NetworkDataplane[];
  /** Undefined: any region. Lower-case. */
  regions?: string[];
  vmSizes?: string[];
  nodeCount: { min: number; max: number };
  kubernetesVersions?: string[];
  /** The organisation's cluster network, reused by every overlay cluster. */
  network: {
    podCidr: string;
    serviceCidr: string;
    dnsServiceIp: string;
    /** The seed document's 30, kept in config rather than in templates. */
    defaultMaxPods: number;
  };
}

/**
 * Reads the policy. A bad value stops the backend at start-up with an InputError
 * naming the config key, rather than failing the first plan. The backend reads it with
 * the rest of its settings (readAksNetworkBackendConfig).
 *
 * @public
 */
export function readClusterPolicy(config: Config): ClusterPolicy {
  return readAksNetworkBackendConfig(config).policy;
}
