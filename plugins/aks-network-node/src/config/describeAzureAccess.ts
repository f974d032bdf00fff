import type {
  AzureAccessConfig,
  AzureCredentialConfig,
} from './AzureAccessConfig';

const REDACTED = '<redacted>';

/**
 * A copy of the settings that is safe to log: the client secret and the development
 * token are replaced by `<redacted>`, and the CA certificate by its length.
 *
 * @public
 */
export function redactAzureAccessConfig(
  access: AzureAccessConfig,
): Record<string, unknown> {
  let credential: Record<string, unknown> = { ...access.credential };
  if (access.credential.type === 'clientSecret') {
    credential = { ...access.credential, clientSecret: REDACTED };
  } else if (access.credential.type === 'development') {
    credential = { ...access.credential, token: REDACTED };
  }
  return {
    ...access,
    caCertificate:
      access.caCertificate === undefined
        ? undefined
        : `<${access.caCertificate.length} characters of PEM>`,
    credential,
  };
}

function describeCredential(credential: AzureCredentialConfig): string {
  switch (credential.type) {
    case 'clientSecret':
      return `client secret of application ${credential.clientId} in tenant ${credential.tenantId}`;
    case 'development':
      return 'a development token (loopback endpoint only)';
    default:
      return credential.managedIdentityClientId
        ? `DefaultAzureCredential (managed identity ${credential.managedIdentityClientId})`
        : 'DefaultAzureCredential';
  }
}

/**
 * One line that says where and as whom the plugins call Azure, for the start-up log.
 *
 * @public
 */
export function describeAzureAccess(access: AzureAccessConfig): string {
  const who = describeCredential(access.credential);
  const subscriptions = access.subscriptions
    ? `${access.subscriptions.length} configured subscription(s)`
    : 'every subscription the credential can see';
  return (
    `Azure access: ${access.cloud} at ${access.resourceManagerEndpoint} ` +
    `(audience ${access.audience}${
      access.caCertificate ? ', extra CA trusted' : ''
    }) ` +
    `as ${who}; ${subscriptions}${
      access.readApiServerCertificateAuthority
        ? '; reads API server CAs (needs the Azure Kubernetes Service Cluster User Role)'
        : ''
    }`
  );
}
