import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { ZodIssue } from 'zod';
import { AZURE_CLOUDS } from '../clouds';
import {
  assertDevelopmentEndpoint,
  DevelopmentCredentialRefusedError,
} from '../credentials/developmentCredential';
import { AKS_NETWORK_CONFIG_ROOT } from './AksNetworkConfigRoot';
import type { AzureAccessConfig } from './AzureAccessConfig';
import {
  azureAccessConfigErrorMap,
  azureAccessConfigSchema,
} from './azureAccessConfigSchema';

/**
 * The config key of the Azure access settings.
 *
 * @public
 */
export const AZURE_ACCESS_CONFIG_KEY = `${AKS_NETWORK_CONFIG_ROOT}.azure`;

/**
 * Options of {@link readAzureAccessConfig}.
 *
 * @public
 */
export interface ReadAzureAccessConfigOptions {
  /** Directory that a relative `caCertificateFile` is resolved against; the working directory by default. */
  baseDirectory?: string;
}

function configKey(issuePath: ReadonlyArray<string | number>): string {
  return issuePath.reduce<string>(
    (key, part) =>
      typeof part === 'number' ? `${key}[${part}]` : `${key}.${part}`,
    AZURE_ACCESS_CONFIG_KEY,
  );
}

function invalid(key: string, problem: string): InputError {
  return new InputError(`Invalid Azure access config: ${key} ${problem}`);
}

function describeIssues(issues: ZodIssue[]): string {
  return issues
    .map(issue => `${configKey(issue.path)} ${issue.message}`)
    .join('; ');
}

function readCaCertificateFile(file: string, baseDirectory: string): string {
  const key = `${AZURE_ACCESS_CONFIG_KEY}.caCertificateFile`;
  const resolved = path.resolve(baseDirectory, file);
  let pem: string;
  try {
    pem = fs.readFileSync(resolved, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw invalid(
      key,
      `names a file that cannot be read (${resolved}: ${code})`,
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw invalid(
      key,
      `names a file that holds no PEM certificate (${resolved})`,
    );
  }
  return pem;
}

/**
 * Reads `aksNetwork.azure` into an {@link AzureAccessConfig}: defaults applied, the
 * cloud resolved to endpoints, the CA file read, and a development credential refused
 * unless it points at a loopback endpoint. Throws an `InputError` naming the key for
 * anything wrong; no message ever contains a configured value of a secret key.
 *
 * @public
 */
export function readAzureAccessConfig(
  config: Config,
  options: ReadAzureAccessConfigOptions = {},
): AzureAccessConfig {
  const raw = config.getOptionalConfig(AZURE_ACCESS_CONFIG_KEY)?.get() ?? {};
  const parsed = azureAccessConfigSchema.safeParse(raw, {
    errorMap: azureAccessConfigErrorMap,
  });
  if (!parsed.success) {
    throw new InputError(
      `Invalid Azure access config: ${describeIssues(parsed.error.issues)}`,
    );
  }
  const input = parsed.data;
  const cloud = AZURE_CLOUDS[input.cloud];

  if (
    input.caCertificate !== undefined &&
    input.caCertificateFile !== undefined
  ) {
    throw invalid(
      `${AZURE_ACCESS_CONFIG_KEY}.caCertificate`,
      'and caCertificateFile are both set; set one of them',
    );
  }
  let caCertificate = input.caCertificate;
  if (
    caCertificate !== undefined &&
    !caCertificate.includes('-----BEGIN CERTIFICATE-----')
  ) {
    throw invalid(
      `${AZURE_ACCESS_CONFIG_KEY}.caCertificate`,
      'must be a PEM certificate',
    );
  }
  if (input.caCertificateFile !== undefined) {
    caCertificate = readCaCertificateFile(
      input.caCertificateFile,
      options.baseDirectory ?? process.cwd(),
    );
  }

  if (input.credential.type === 'development') {
    try {
      assertDevelopmentEndpoint(input.resourceManagerEndpoint);
    } catch (error) {
      if (error instanceof DevelopmentCredentialRefusedError) {
        throw new InputError(
          `Invalid Azure access config: ${AZURE_ACCESS_CONFIG_KEY}.credential.type: ${error.message}`,
        );
      }
      throw error;
    }
  }

  const seen = new Set<string>();
  for (const [index, { subscriptionId }] of (
    input.subscriptions ?? []
  ).entries()) {
    // ARM ids compare case-insensitively; reading one subscription twice doubles its calls.
    const id = subscriptionId.toLowerCase();
    if (seen.has(id)) {
      throw invalid(
        `${AZURE_ACCESS_CONFIG_KEY}.subscriptions[${index}].subscriptionId`,
        'repeats a subscription listed before it',
      );
    }
    seen.add(id);
  }

  const trimSlash = (url: string) => url.replace(/\/+$/, '');
  return {
    cloud: cloud.name,
    resourceManagerEndpoint: trimSlash(
      input.resourceManagerEndpoint ?? cloud.resourceManagerEndpoint,
    ),
    customResourceManagerEndpoint: input.resourceManagerEndpoint !== undefined,
    // A custom endpoint (a proxy, a private link) usually still fronts the named cloud,
    // so the cloud's audience is the sensible default; Azure Stack Hub sets its own.
    audience: trimSlash(input.audience ?? cloud.audience),
    authorityHost: trimSlash(input.authorityHost ?? cloud.authorityHost),
    caCertificate,
    credential: input.credential,
    subscriptions: input.subscriptions,
    readApiServerCertificateAuthority: input.readApiServerCertificateAuthority,
    requests: input.requests,
  };
}
