import {
  AgentPool,
  ContainerServiceClient,
  ManagedCluster,
} from '@azure/arm-containerservice';
import {
  FlowLog,
  NetworkManagementClient,
  NetworkSecurityGroup,
  VirtualNetwork,
  VirtualNetworkUsage,
} from '@azure/arm-network';
import type { TokenCredential } from '@azure/core-auth';
import { createHttpHeaders, HttpClient } from '@azure/core-rest-pipeline';

/**
 * Turns raw ARM REST JSON (as in `__fixtures__`, with `properties`) into the SDK's
 * model objects by running the real SDK client over an in-memory HTTP client that
 * answers every request with the fixture. The mapping is written against SDK models;
 * this keeps the fixtures in ARM's wire shape and lets the SDK's own deserializer
 * (field renames such as `privateFQDN` → `privateFqdn`, flattening of `properties`)
 * stand between them, exactly as in production.
 */

const SUBSCRIPTION = '11111111-1111-1111-1111-111111111111';

const credential: TokenCredential = {
  getToken: async () => ({
    token: 'fixture',
    expiresOnTimestamp: Date.now() + 3600e3,
  }),
};

function answering(body: unknown): HttpClient {
  return {
    sendRequest: async request => ({
      request,
      status: 200,
      headers: createHttpHeaders({ 'content-type': 'application/json' }),
      bodyAsText: JSON.stringify(body),
    }),
  };
}

function containerService(body: unknown): ContainerServiceClient {
  return new ContainerServiceClient(credential, SUBSCRIPTION, {
    httpClient: answering(body),
  });
}

function network(body: unknown): NetworkManagementClient {
  return new NetworkManagementClient(credential, SUBSCRIPTION, {
    httpClient: answering(body),
  });
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) {
    result.push(item);
  }
  return result;
}

export function sdkManagedCluster(json: unknown): Promise<ManagedCluster> {
  return containerService(json).managedClusters.get('rg', 'name');
}

/** `json` is a list response: `{ value: [...] }`. */
export function sdkAgentPools(json: unknown): Promise<AgentPool[]> {
  return all(containerService(json).agentPools.list('rg', 'name'));
}

export function sdkVirtualNetwork(json: unknown): Promise<VirtualNetwork> {
  return network(json).virtualNetworks.get('rg', 'name');
}

/** `json` is a list response: `{ value: [...] }`. */
export function sdkVirtualNetworkUsages(
  json: unknown,
): Promise<VirtualNetworkUsage[]> {
  return all(network(json).virtualNetworks.listUsage('rg', 'name'));
}

export function sdkNetworkSecurityGroup(
  json: unknown,
): Promise<NetworkSecurityGroup> {
  return network(json).networkSecurityGroups.get('rg', 'name');
}

/** `json` is a list response: `{ value: [...] }`. */
export function sdkFlowLogs(json: unknown): Promise<FlowLog[]> {
  return all(network(json).flowLogs.list('rg', 'name'));
}
