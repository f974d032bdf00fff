import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { TokenCredential } from '@azure/core-auth';
import type { ArmSimulator } from '@aks-network/azure-arm-simulator';
import { simulatorClients } from '../../__testUtils__/simulatorClients';
import type { ResourceGraphInventoryClients } from '../ResourceGraphInventoryReader';

const credential: TokenCredential = {
  getToken: async () => ({
    token: 't',
    expiresOnTimestamp: Date.now() + 3600e3,
  }),
};

/**
 * The SDK clients of `simulatorClients` plus a Resource Graph client on the same
 * endpoint and CA, and the subscriptions a pass covers (all of the simulator's unless
 * named).
 */
export function graphClients(
  simulator: ArmSimulator,
  subscriptionIds?: string[],
): ResourceGraphInventoryClients {
  return {
    ...simulatorClients(simulator),
    resourceGraph: () =>
      new ResourceGraphClient(credential, {
        endpoint: simulator.url,
        tlsOptions: { ca: simulator.caCertificate },
        retryOptions: { maxRetries: 0 },
      }),
    listSubscriptionIds: async () =>
      subscriptionIds ??
      simulator.state.subscriptions().map(s => s.subscriptionId),
  };
}
