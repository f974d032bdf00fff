import { ContainerServiceClient } from '@azure/arm-containerservice';
import { NetworkManagementClient } from '@azure/arm-network';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { TokenCredential } from '@azure/core-auth';
import type { ArmSimulator } from '../startArmSimulator';

/** A credential like a static development token: the simulator accepts any non-empty token. */
export function staticToken(token = 'test-token'): TokenCredential {
  return {
    getToken: async () => ({
      token,
      expiresOnTimestamp: Date.now() + 3600e3,
    }),
  };
}

/**
 * The only things that differ from real Azure: endpoint, credential and the CA. SDK
 * retries are off unless a test wants them, so failures surface at once.
 */
export function clientOptions(
  simulator: ArmSimulator,
  retry: { maxRetries: number; retryDelayInMs?: number } = { maxRetries: 0 },
) {
  return {
    endpoint: simulator.url,
    tlsOptions: { ca: simulator.caCertificate },
    retryOptions: { ...retry, maxRetryDelayInMs: 2000 },
    credentials: { scopes: ['https://management.azure.com/.default'] },
  };
}

export function sdkClients(
  simulator: ArmSimulator,
  subscriptionId: string,
  options: {
    credential?: TokenCredential;
    retry?: { maxRetries: number; retryDelayInMs?: number };
  } = {},
) {
  const credential = options.credential ?? staticToken();
  const settings = clientOptions(simulator, options.retry);
  return {
    containerService: new ContainerServiceClient(
      credential,
      subscriptionId,
      settings,
    ),
    network: new NetworkManagementClient(credential, subscriptionId, settings),
    subscriptions: new SubscriptionClient(credential, settings),
  };
}

/** Collects an async iterable (SDK pagers). */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) {
    items.push(item);
  }
  return items;
}
