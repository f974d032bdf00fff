import { NetworkRequestInput } from '../NetworkRequest';
import { validateNetworkRequest } from '../validateNetworkRequest';

/** The request as tests change it: loose enough to put garbage anywhere. */
export interface MutableRequest {
  cluster: Record<string, unknown>;
  network: {
    vnet: Record<string, unknown>;
    nodeSubnet: Record<string, unknown>;
    [key: string]: unknown;
  };
  nodePools: Array<Record<string, unknown>>;
}

/** A request every rule accepts: overlay on the defaults, a /27 node subnet. */
export function validRequest(): NetworkRequestInput {
  return {
    cluster: { name: 'payments-prod', resourceGroup: 'rg-payments' },
    network: {
      vnet: { name: 'vnet-spoke', addressSpace: ['10.240.0.0/16'] },
      nodeSubnet: { name: 'aks-sn', cidr: '10.240.0.0/27' },
    },
    nodePools: [{ name: 'system', count: 3 }],
  };
}

/**
 * A request with room for 5,000 nodes: a /11 pod CIDR (8,192 nodes) and a /19 node
 * subnet (8,187 usable IPs), so only the node count rules speak.
 */
export function roomyRequest(): NetworkRequestInput {
  return {
    cluster: { name: 'payments-prod', resourceGroup: 'rg-payments' },
    network: {
      podCidr: '10.32.0.0/11',
      vnet: { name: 'vnet-spoke', addressSpace: ['10.240.0.0/16'] },
      nodeSubnet: { name: 'aks-sn', cidr: '10.240.0.0/19' },
    },
    nodePools: [{ name: 'system', count: 3 }],
  };
}

/** A copy of `base()` changed as loose JSON. */
export function variant(
  change: (request: MutableRequest) => void,
  base: () => NetworkRequestInput = validRequest,
): unknown {
  const request: unknown = structuredClone(base());
  change(request as MutableRequest);
  return request;
}

/** `field rule severity` of every finding. */
export function rulesOf(input: unknown): string[] {
  return validateNetworkRequest(input).findings.map(
    f => `${f.field} ${f.rule} ${f.severity}`,
  );
}

/** The error findings only. */
export function errorsOf(input: unknown) {
  return validateNetworkRequest(input).findings.filter(
    f => f.severity === 'error',
  );
}
