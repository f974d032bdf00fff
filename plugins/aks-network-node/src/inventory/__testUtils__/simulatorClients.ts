import { ContainerServiceClient } from '@azure/arm-containerservice';
import { NetworkManagementClient } from '@azure/arm-network';
import type { TokenCredential } from '@azure/core-auth';
import type { ArmSimulator } from '@aks-network/azure-arm-simulator';

const credential: TokenCredential = {
  getToken: async () => ({
    token: 't',
    expiresOnTimestamp: Date.now() + 3600e3,
  }),
};

/**
 * SDK clients built directly against the simulator, as a test may: only the endpoint,
 * the credential and the CA differ from real Azure. The SDK's own retry is off, so a
 * fault reaches the code under test at once.
 */
export function simulatorClients(simulator: ArmSimulator) {
  const options = {
    endpoint: simulator.url,
    tlsOptions: { ca: simulator.caCertificate },
    retryOptions: { maxRetries: 0 },
  };
  return {
    containerService: (subscriptionId: string) =>
      new ContainerServiceClient(credential, subscriptionId, options),
    network: (subscriptionId: string) =>
      new NetworkManagementClient(credential, subscriptionId, options),
  };
}
