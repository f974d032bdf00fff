export interface Config {
  /** Settings of the AKS network plugin set. */
  aksNetwork?: {
    /**
     * The Azure tags naming a cluster's owner, system and components: written by the
     * scaffolder's create action, read by the backend's sync and the catalog module
     * (tag names compare case-insensitively; the three must differ).
     */
    tags?: {
      /**
       * The tag holding the owner (a group or user ref: team-a, group:team-a, user:default/jdoe).
       * @default owner
       */
      owner?: string;
      /**
       * The tag holding the system (payments or system:default/payments).
       * @default system
       */
      system?: string;
      /**
       * The tag holding the components, comma-separated.
       * @default component
       */
      component?: string;
      /**
       * The tag declaring the tools that export the cluster's pod flows, comma-separated
       * (tetragon, linkerd, retina, istio): read by the backend's sync, shown on the
       * posture as declared, never verified. Values naming no known tool are ignored.
       * @default aks-network-flow-export
       */
      flowExport?: string;
    };
    sync?: {
      /**
       * The owner tag of the sync.
       * @deprecated Use `aksNetwork.tags.owner`; still read, with a warning, when that is unset.
       */
      ownerTag?: string;
    };
    /** How the cluster inventory is read from Azure. */
    inventory?: {
      /**
       * `resourceGraph`: Azure Resource Graph queries across every subscription (four
       * queries, 1,000 rows a page), then one VNet usages call per VNet; needs `Reader`
       * like the ARM path. `arm`: each subscription's ARM listings, then per VNet, NSG
       * and region; the fallback where Resource Graph is not reachable (some sovereign
       * or Azure Stack Hub endpoints). The default: Resource Graph leaves out what the
       * identity may not read without saying so, so a denied read would look like no
       * data rather than an unread part.
       * @default arm
       */
      source?: 'resourceGraph' | 'arm';
    };
    /**
     * How the plugins reach Azure Resource Manager: which cloud, which credential,
     * which subscriptions, and the limits of every call.
     */
    azure?: {
      /**
       * The Azure cloud: its Resource Manager endpoint, token audience and Microsoft
       * Entra ID authority host are used together.
       * @default AzurePublicCloud
       */
      cloud?: 'AzurePublicCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';
      /**
       * Resource Manager base URL (https), instead of the cloud's: a proxy, Azure Stack
       * Hub, or the local ARM simulator (e.g. https://127.0.0.1:7443). The cloud still
       * gives the authority host and, unless `audience` is set, the token audience.
       */
      resourceManagerEndpoint?: string;
      /**
       * Token audience of Resource Manager; tokens are asked for `<audience>/.default`.
       * Defaults to the cloud's (e.g. https://management.azure.com).
       */
      audience?: string;
      /**
       * Microsoft Entra ID authority host, instead of the cloud's (e.g. an Azure Stack
       * Hub AD FS host).
       */
      authorityHost?: string;
      /**
       * An extra CA certificate (PEM) to trust for Resource Manager, in addition to
       * the public roots (e.g. the local ARM simulator's). Use this or `caCertificateFile`.
       */
      caCertificate?: string;
      /**
       * A file holding an extra CA certificate (PEM), resolved against the backend's
       * working directory (e.g. ../../.local/azure-arm-simulator/ca.pem).
       */
      caCertificateFile?: string;
      /**
       * The credential. Absent means `DefaultAzureCredential`.
       */
      credential?:
        | {
            /**
             * `DefaultAzureCredential`: environment variables, workload identity,
             * managed identity, Azure CLI, Azure Developer CLI, in that order.
             */
            type?: 'default';
            /** Tenant to ask for tokens. */
            tenantId?: string;
            /** Client id of a user-assigned managed identity. */
            managedIdentityClientId?: string;
            /** Client id for workload identity, when not `AZURE_CLIENT_ID`. */
            workloadIdentityClientId?: string;
          }
        | {
            /** A Microsoft Entra ID application with a client secret. */
            type: 'clientSecret';
            /** Tenant id (GUID) or domain of the application. */
            tenantId: string;
            /** Application (client) id. */
            clientId: string;
            /**
             * Client secret of the application.
             * @visibility secret
             */
            clientSecret: string;
          }
        | {
            /**
             * A fixed bearer token for the local ARM simulator. Refused at start-up
             * unless `resourceManagerEndpoint` is set to a loopback address
             * (localhost, 127.0.0.0/8, ::1).
             */
            type: 'development';
            /**
             * The bearer token to send.
             * @visibility secret
             */
            token: string;
          };
      /**
       * Subscriptions to read, as ids or `{ subscriptionId, displayName }`. Absent
       * means every subscription the credential can see (except disabled ones).
       */
      subscriptions?: Array<
        | string
        | {
            /** Subscription id (a GUID). */
            subscriptionId: string;
            /** A name to show instead of the id. */
            displayName?: string;
          }
      >;
      /**
       * Also read each cluster's API server CA (the `certificate-authority-data` of
       * its cluster-user kubeconfig), so catalog entities carry everything the
       * Kubernetes plugin's catalog cluster locator needs. One
       * `listClusterUserCredential` call per cluster and sync; it needs
       * `Microsoft.ContainerService/managedClusters/listClusterUserCredential/action`
       * (Azure Kubernetes Service Cluster User Role), more than `Reader`. A cluster
       * where it is refused keeps its record, without the CA.
       * @default false
       */
      readApiServerCertificateAuthority?: boolean;
      /** Limits of every Resource Manager call. */
      requests?: {
        /**
         * Requests in flight at once per subscription.
         * @default 4
         */
        maxConcurrencyPerSubscription?: number;
        /**
         * Retries of one request after its first attempt (429, 408, 5xx other than
         * 501/505, connection resets and timeouts; never any other 4xx).
         * @default 6
         */
        maxRetries?: number;
        /**
         * Cap on the total time one request may spend retrying, waits included; a
         * `Retry-After` that would pass it ends the retries at once.
         * @default 120
         */
        maxRetryTimeSeconds?: number;
        /**
         * First backoff delay for 5xx and connection failures; doubles per retry, with
         * jitter, up to 30 s.
         * @default 500
         */
        retryBaseDelayMs?: number;
        /**
         * Timeout of each attempt.
         * @default 60
         */
        timeoutSeconds?: number;
      };
    };
  };
  catalog?: {
    providers?: {
      aksNetwork?: {
        /**
         * Cluster tag holding the owner.
         * @deprecated Use `aksNetwork.tags.owner`; still read, with a warning, when that is unset.
         */
        ownerTag?: string;
        /**
         * Cluster tag holding the system.
         * @deprecated Use `aksNetwork.tags.system`; still read, with a warning, when that is unset.
         */
        systemTag?: string;
        /**
         * Cluster tag holding the components.
         * @deprecated Use `aksNetwork.tags.component`; still read, with a warning, when that is unset.
         */
        componentTag?: string;
      };
    };
  };
}
