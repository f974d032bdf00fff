import type { AzureCloudName } from '../clouds';

/**
 * `DefaultAzureCredential`: environment (client secret or certificate), workload
 * identity, managed identity, Azure CLI, Azure Developer CLI, in that order.
 *
 * @public
 */
export interface DefaultAzureCredentialConfig {
  type: 'default';
  /** Tenant to ask for tokens; the environment's or the identity's own when absent. */
  tenantId?: string;
  /** Client id of a user-assigned managed identity (system-assigned when absent). */
  managedIdentityClientId?: string;
  /** Client id for workload identity when it differs from `AZURE_CLIENT_ID`. */
  workloadIdentityClientId?: string;
}

/**
 * A Microsoft Entra ID application (service principal) with a client secret.
 *
 * @public
 */
export interface ClientSecretCredentialConfig {
  type: 'clientSecret';
  tenantId: string;
  clientId: string;
  /** Never logged; `describeAzureAccess` prints it as `<redacted>`. */
  clientSecret: string;
}

/**
 * A fixed bearer token for the local ARM simulator; refused unless the Resource Manager
 * endpoint is a loopback address.
 *
 * @public
 */
export interface DevelopmentCredentialConfig {
  type: 'development';
  /** Never logged. */
  token: string;
}

/**
 * One of the credential kinds under `aksNetwork.azure.credential`.
 *
 * @public
 */
export type AzureCredentialConfig =
  | DefaultAzureCredentialConfig
  | ClientSecretCredentialConfig
  | DevelopmentCredentialConfig;

/**
 * A subscription the plugins read.
 *
 * @public
 */
export interface AzureSubscriptionRef {
  subscriptionId: string;
  displayName?: string;
}

/**
 * Limits of every call to Resource Manager (`aksNetwork.azure.requests`).
 *
 * @public
 */
export interface ArmRequestSettings {
  /** Requests in flight at once for one subscription (ARM throttles per subscription). */
  maxConcurrencyPerSubscription: number;
  /** Retries of one call after its first attempt. */
  maxRetries: number;
  /** Cap on the total time one call may spend retrying (waits and attempts). */
  maxRetryTimeSeconds: number;
  /** First backoff delay; doubles with each retry, with jitter. */
  retryBaseDelayMs: number;
  /** Timeout of each attempt. */
  timeoutSeconds: number;
}

/**
 * Azure access settings read from `aksNetwork.azure`, with defaults applied and the
 * cloud resolved to concrete endpoints.
 *
 * @public
 */
export interface AzureAccessConfig {
  /** The named cloud; its authority host is used even with a custom endpoint. */
  cloud: AzureCloudName;
  /** Resource Manager base URL (https, no trailing slash): configured or the cloud's. */
  resourceManagerEndpoint: string;
  /** Whether `resourceManagerEndpoint` was set in config rather than taken from the cloud. */
  customResourceManagerEndpoint: boolean;
  /** Token audience; the scope requested is `<audience>/.default`. */
  audience: string;
  /** Microsoft Entra ID host for the identity library. */
  authorityHost: string;
  /** Extra CA certificate(s) to trust, PEM (from `caCertificate` or `caCertificateFile`). */
  caCertificate?: string;
  credential: AzureCredentialConfig;
  /** Configured subscriptions; undefined means every subscription the credential sees. */
  subscriptions?: AzureSubscriptionRef[];
  /**
   * Whether the inventory also reads each cluster's API server CA through
   * `listClusterUserCredential` (needs the Azure Kubernetes Service Cluster User Role);
   * pass it on as `AzureInventoryReaderOptions.readApiServerCertificateAuthority`.
   */
  readApiServerCertificateAuthority: boolean;
  requests: ArmRequestSettings;
}
