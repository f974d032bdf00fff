import tls from 'node:tls';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { NetworkManagementClient } from '@azure/arm-network';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import type {
  HttpClient,
  Pipeline,
  TlsSettings,
} from '@azure/core-rest-pipeline';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { armScopeForAudience } from '../clouds';
import type {
  AzureAccessConfig,
  AzureSubscriptionRef,
} from '../config/AzureAccessConfig';
import { createAzureCredential } from '../credentials/createAzureCredential';
import type { ArmCallMetrics } from '../pipeline/ArmCallMetrics';
import {
  createArmPipelinePolicies,
  installArmPipelinePolicies,
  type ArmPipelinePolicyOptions,
} from '../pipeline/armPipelinePolicies';

/**
 * The user agent prefix of every call, so Azure activity logs and support can tell the
 * plugins' calls from other tools'.
 *
 * @public
 */
export const ARM_USER_AGENT_PREFIX = 'backstage-aks-network';

/**
 * The TLS settings of every ARM client when a CA is configured: one secure context
 * trusting the public roots and the extra CA. Node's `ca` replaces the trusted roots,
 * so the public ones are kept beside it (a proxy or simulator CA must not make real
 * Azure untrusted). Built once rather than given as a `ca` list: Node's HTTPS agent
 * keys its connection pool by its options, `ca` joined into the key, so the ~150
 * roots were joined into a string of ~200 kB several times per request, and parsed
 * again for every new connection
 * (https://nodejs.org/api/https.html#class-httpsagent, `getName`); a `secureContext`
 * is not part of the key and is parsed once.
 */
function armTlsSettings(caCertificate: string): TlsSettings {
  const secureContext = tls.createSecureContext({
    ca: [...tls.rootCertificates, caCertificate],
  });
  // The SDK's type names only ca, cert, key and pfx, but its HTTP client hands the
  // settings whole to `new https.Agent(...)`, whose options take a secure context.
  return { secureContext } as TlsSettings;
}

/**
 * The Azure SDK clients, all on one credential, one endpoint and one set of policies.
 *
 * @public
 */
export interface ArmClients {
  /** AKS (managed clusters, agent pools) in a subscription; one client per subscription. */
  containerService(subscriptionId: string): ContainerServiceClient;
  /** Networking (VNets, subnets, usages, NSGs, Network Watcher) in a subscription. */
  network(subscriptionId: string): NetworkManagementClient;
  /** Tenant-level subscription listing. */
  subscriptions(): SubscriptionClient;
  /** Azure Resource Graph (tenant-level queries across subscriptions); one client. */
  resourceGraph(): ResourceGraphClient;
  /** The subscriptions to read: the configured list, or every one the credential sees. */
  listSubscriptions(): Promise<AzureSubscriptionRef[]>;
  /** Ids of {@link ArmClients.listSubscriptions}. */
  listSubscriptionIds(): Promise<string[]>;
  /** Counters of every request the clients sent. */
  readonly metrics: ArmCallMetrics;
  /** The credential the clients use. */
  readonly credential: TokenCredential;
}

/**
 * Options of {@link createArmClients}.
 *
 * @public
 */
export interface CreateArmClientsOptions extends ArmPipelinePolicyOptions {
  logger: LoggerService;
  /** Defaults to `createAzureCredential(access, { logger })`. */
  credential?: TokenCredential;
  /** Counters to add to; a fresh `ArmCallMetrics` by default. */
  metrics?: ArmCallMetrics;
  /** The HTTP client under the pipeline (tests); Node's by default. */
  httpClient?: HttpClient;
}

// Subscriptions in these states refuse reads, so discovery skips them.
const UNREADABLE_SUBSCRIPTION_STATES = new Set(['Disabled', 'Deleted']);

/**
 * Creates the ARM clients for `access`: the configured endpoint and token scope, the
 * extra CA when one is configured (added to Node's trusted roots, not replacing them),
 * the `backstage-aks-network` user agent, and the ARM retry, throttling and
 * concurrency policies in place of the SDK's own retry.
 *
 * @public
 */
export function createArmClients(
  access: AzureAccessConfig,
  options: CreateArmClientsOptions,
): ArmClients {
  const { logger } = options;
  const credential =
    options.credential ?? createAzureCredential(access, { logger });
  const policies = createArmPipelinePolicies(access.requests, {
    logger,
    metrics: options.metrics,
    sleep: options.sleep,
    now: options.now,
    random: options.random,
  });

  const clientOptions = {
    endpoint: access.resourceManagerEndpoint,
    credentials: { scopes: [armScopeForAudience(access.audience)] },
    userAgentOptions: { userAgentPrefix: ARM_USER_AGENT_PREFIX },
    // Belt and braces: the SDK retry is also removed from each pipeline below; should a
    // future SDK rename it, it still would not retry.
    retryOptions: { maxRetries: 0 },
    tlsOptions: access.caCertificate
      ? armTlsSettings(access.caCertificate)
      : undefined,
    httpClient: options.httpClient,
  };

  const withPolicies = <T extends { pipeline: Pipeline }>(client: T): T => {
    installArmPipelinePolicies(client.pipeline, policies);
    return client;
  };

  const containerServiceClients = new Map<string, ContainerServiceClient>();
  const networkClients = new Map<string, NetworkManagementClient>();
  let subscriptionClient: SubscriptionClient | undefined;
  let resourceGraphClient: ResourceGraphClient | undefined;

  const subscriptions = (): SubscriptionClient => {
    subscriptionClient ??= withPolicies(
      new SubscriptionClient(credential, clientOptions),
    );
    return subscriptionClient;
  };

  const listSubscriptions = async (): Promise<AzureSubscriptionRef[]> => {
    if (access.subscriptions) {
      return access.subscriptions;
    }
    const found: AzureSubscriptionRef[] = [];
    for await (const subscription of subscriptions().subscriptions.list()) {
      if (
        subscription.subscriptionId &&
        !UNREADABLE_SUBSCRIPTION_STATES.has(subscription.state ?? '')
      ) {
        found.push({
          subscriptionId: subscription.subscriptionId,
          displayName: subscription.displayName,
        });
      }
    }
    logger.info(
      `Found ${found.length} readable Azure subscription(s) for the configured credential`,
    );
    return found;
  };

  return {
    credential,
    metrics: policies.metrics,
    containerService(subscriptionId) {
      const key = subscriptionId.toLowerCase();
      let client = containerServiceClients.get(key);
      if (!client) {
        client = withPolicies(
          new ContainerServiceClient(credential, subscriptionId, clientOptions),
        );
        containerServiceClients.set(key, client);
      }
      return client;
    },
    network(subscriptionId) {
      const key = subscriptionId.toLowerCase();
      let client = networkClients.get(key);
      if (!client) {
        client = withPolicies(
          new NetworkManagementClient(
            credential,
            subscriptionId,
            clientOptions,
          ),
        );
        networkClients.set(key, client);
      }
      return client;
    },
    subscriptions,
    resourceGraph() {
      resourceGraphClient ??= withPolicies(
        new ResourceGraphClient(credential, clientOptions),
      );
      return resourceGraphClient;
    },
    listSubscriptions,
    async listSubscriptionIds() {
      return (await listSubscriptions()).map(s => s.subscriptionId);
    },
  };
}
