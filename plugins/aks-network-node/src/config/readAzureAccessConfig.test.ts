import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { describeAzureAccess } from './describeAzureAccess';
import { readAzureAccessConfig } from './readAzureAccessConfig';

const SUB_A = '11111111-2222-3333-4444-555555555555';
const SUB_B = 'AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE';

function read(azure: unknown, baseDirectory?: string) {
  return readAzureAccessConfig(
    new ConfigReader(
      azure === undefined ? {} : ({ aksNetwork: { azure } } as never),
    ),
    { baseDirectory },
  );
}

function errorOf(azure: unknown): Error {
  try {
    read(azure);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the config to be refused');
}

describe('readAzureAccessConfig', () => {
  it('defaults to the public cloud, DefaultAzureCredential and discovery', () => {
    expect(read(undefined)).toEqual({
      cloud: 'AzurePublicCloud',
      resourceManagerEndpoint: 'https://management.azure.com',
      customResourceManagerEndpoint: false,
      audience: 'https://management.azure.com',
      authorityHost: 'https://login.microsoftonline.com',
      caCertificate: undefined,
      credential: { type: 'default' },
      subscriptions: undefined,
      readApiServerCertificateAuthority: false,
      requests: {
        maxConcurrencyPerSubscription: 4,
        maxRetries: 6,
        maxRetryTimeSeconds: 120,
        retryBaseDelayMs: 500,
        timeoutSeconds: 60,
      },
    });
  });

  it.each([
    [
      'AzurePublicCloud',
      'https://management.azure.com',
      'https://login.microsoftonline.com',
    ],
    [
      'AzureChinaCloud',
      'https://management.chinacloudapi.cn',
      'https://login.chinacloudapi.cn',
    ],
    [
      'AzureUSGovernment',
      'https://management.usgovcloudapi.net',
      'https://login.microsoftonline.us',
    ],
  ])(
    'resolves %s to its endpoint, audience and authority',
    (cloud, arm, login) => {
      const access = read({ cloud });
      expect(access.cloud).toBe(cloud);
      expect(access.resourceManagerEndpoint).toBe(arm);
      expect(access.audience).toBe(arm);
      expect(access.authorityHost).toBe(login);
    },
  );

  it('lets an explicit endpoint override the cloud, keeping its audience unless given', () => {
    const custom = read({
      cloud: 'AzureChinaCloud',
      resourceManagerEndpoint: 'https://arm.internal.example/',
    });
    expect(custom.resourceManagerEndpoint).toBe('https://arm.internal.example');
    expect(custom.customResourceManagerEndpoint).toBe(true);
    expect(custom.audience).toBe('https://management.chinacloudapi.cn');
    expect(custom.authorityHost).toBe('https://login.chinacloudapi.cn');

    const stack = read({
      resourceManagerEndpoint: 'https://management.local.azurestack.external',
      audience: 'https://management.adfs.azurestack.local/',
      authorityHost: 'https://adfs.local.azurestack.external',
    });
    expect(stack.audience).toBe('https://management.adfs.azurestack.local');
    expect(stack.authorityHost).toBe('https://adfs.local.azurestack.external');
  });

  it('parses each credential type', () => {
    expect(
      read({
        credential: {
          type: 'default',
          tenantId: 'contoso.onmicrosoft.com',
          managedIdentityClientId: 'mi-client',
        },
      }).credential,
    ).toEqual({
      type: 'default',
      tenantId: 'contoso.onmicrosoft.com',
      managedIdentityClientId: 'mi-client',
    });
    expect(
      read({ credential: { managedIdentityClientId: 'x' } }).credential,
    ).toEqual({ type: 'default', managedIdentityClientId: 'x' });
    expect(
      read({
        credential: {
          type: 'clientSecret',
          tenantId: 't',
          clientId: 'c',
          clientSecret: 's3cr3t',
        },
      }).credential,
    ).toEqual({
      type: 'clientSecret',
      tenantId: 't',
      clientId: 'c',
      clientSecret: 's3cr3t',
    });
    expect(
      read({
        resourceManagerEndpoint: 'https://127.0.0.1:7443',
        credential: { type: 'development', token: 'dev-token' },
      }).credential,
    ).toEqual({ type: 'development', token: 'dev-token' });
  });

  it('reads subscriptions as ids or objects', () => {
    expect(
      read({
        subscriptions: [SUB_A, { subscriptionId: SUB_B, displayName: 'Prod' }],
      }).subscriptions,
    ).toEqual([
      { subscriptionId: SUB_A },
      { subscriptionId: SUB_B, displayName: 'Prod' },
    ]);
  });

  it('reads the opt-in API server CA flag, as a boolean or as substituted text', () => {
    expect(
      read({ readApiServerCertificateAuthority: true })
        .readApiServerCertificateAuthority,
    ).toBe(true);
    expect(
      read({ readApiServerCertificateAuthority: ' TRUE ' })
        .readApiServerCertificateAuthority,
    ).toBe(true);
    expect(
      read({ readApiServerCertificateAuthority: 'false' })
        .readApiServerCertificateAuthority,
    ).toBe(false);
    // The start-up line says so, as the role it needs goes beyond Reader.
    expect(
      describeAzureAccess(read({ readApiServerCertificateAuthority: true })),
    ).toContain('reads API server CAs');
    expect(describeAzureAccess(read(undefined))).not.toContain('API server');
    expect(() => read({ readApiServerCertificateAuthority: 'yes' })).toThrow(
      'Invalid Azure access config: aksNetwork.azure.readApiServerCertificateAuthority must be a boolean',
    );
  });

  it('reads request limits, numbers given as strings included (env substitution)', () => {
    expect(
      read({
        requests: {
          maxConcurrencyPerSubscription: '8',
          maxRetries: 2,
          maxRetryTimeSeconds: 30,
          retryBaseDelayMs: 100,
          timeoutSeconds: '15',
        },
      }).requests,
    ).toEqual({
      maxConcurrencyPerSubscription: 8,
      maxRetries: 2,
      maxRetryTimeSeconds: 30,
      retryBaseDelayMs: 100,
      timeoutSeconds: 15,
    });
  });

  it.each([
    [
      'a missing clientSecret',
      { credential: { type: 'clientSecret', tenantId: 't', clientId: 'c' } },
      'aksNetwork.azure.credential.clientSecret is required',
    ],
    [
      'an unknown cloud',
      { cloud: 'AzureGermanCloud' },
      'aksNetwork.azure.cloud must be one of "AzurePublicCloud", "AzureChinaCloud", "AzureUSGovernment"',
    ],
    [
      'an unknown credential type',
      { credential: { type: 'certificate' } },
      'aksNetwork.azure.credential.type must be one of "default", "clientSecret", "development"',
    ],
    [
      'a misspelt credential key',
      {
        credential: {
          type: 'clientSecret',
          tenantId: 't',
          clientId: 'c',
          clientSecret: 's',
          clientsecret: 's',
        },
      },
      'aksNetwork.azure.credential has unknown key(s) "clientsecret"',
    ],
    [
      'an http endpoint',
      { resourceManagerEndpoint: 'http://127.0.0.1:7080' },
      'aksNetwork.azure.resourceManagerEndpoint must use https',
    ],
    [
      'an endpoint that is no URL',
      { resourceManagerEndpoint: 'management.azure.com' },
      'aksNetwork.azure.resourceManagerEndpoint must be a URL',
    ],
    [
      'a subscription id that is no GUID',
      { subscriptions: [SUB_A, { subscriptionId: 'prod' }] },
      'aksNetwork.azure.subscriptions[1].subscriptionId must be a subscription id',
    ],
    [
      'a repeated subscription',
      { subscriptions: [SUB_A, SUB_A.toUpperCase()] },
      'aksNetwork.azure.subscriptions[1].subscriptionId repeats a subscription',
    ],
    [
      'an empty subscription list',
      { subscriptions: [] },
      'aksNetwork.azure.subscriptions list at least one subscription',
    ],
    [
      'a concurrency of zero',
      { requests: { maxConcurrencyPerSubscription: 0 } },
      'aksNetwork.azure.requests.maxConcurrencyPerSubscription must be at least 1',
    ],
    [
      'a fractional retry count',
      { requests: { maxRetries: 1.5 } },
      'aksNetwork.azure.requests.maxRetries must be an integer',
    ],
    [
      'both CA keys',
      { caCertificate: 'x', caCertificateFile: 'y' },
      'aksNetwork.azure.caCertificate and caCertificateFile are both set',
    ],
    [
      'a CA that is no PEM',
      { caCertificate: 'hello' },
      'aksNetwork.azure.caCertificate must be a PEM certificate',
    ],
    [
      'a CA file that does not exist',
      { caCertificateFile: '/nonexistent/ca.pem' },
      'aksNetwork.azure.caCertificateFile names a file that cannot be read',
    ],
  ])('refuses %s, naming the key', (_, azure, message) => {
    const error = errorOf(azure);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(message);
  });

  it('reports every problem at once', () => {
    const error = errorOf({
      cloud: 'Mars',
      requests: { maxRetries: -1 },
    });
    expect(error.message).toContain('aksNetwork.azure.cloud');
    expect(error.message).toContain('aksNetwork.azure.requests.maxRetries');
  });

  it.each([
    'https://management.azure.com',
    'https://10.1.2.3:7443',
    'https://arm.example.com',
    'https://127.0.0.1.nip.io',
  ])('refuses a development credential for %s', endpoint => {
    const error = errorOf({
      resourceManagerEndpoint: endpoint,
      credential: { type: 'development', token: 'dev-token' },
    });
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('aksNetwork.azure.credential.type');
    expect(error.message).toContain('only allowed for a loopback endpoint');
  });

  it('refuses a development credential without an explicit endpoint', () => {
    const error = errorOf({
      cloud: 'AzurePublicCloud',
      credential: { type: 'development', token: 'dev-token' },
    });
    expect(error.message).toContain(
      'needs an explicit aksNetwork.azure.resourceManagerEndpoint',
    );
  });

  it.each([
    'https://127.0.0.1:7443',
    'https://localhost:7443',
    'https://[::1]:7443',
    'https://127.8.9.10',
  ])('accepts a development credential for %s', endpoint => {
    expect(
      read({
        resourceManagerEndpoint: endpoint,
        credential: { type: 'development', token: 'dev-token' },
      }).credential.type,
    ).toBe('development');
  });

  it('reads a CA file relative to the base directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-network-ca-'));
    try {
      const pem =
        '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
      fs.writeFileSync(path.join(dir, 'ca.pem'), pem);
      expect(read({ caCertificateFile: 'ca.pem' }, dir).caCertificate).toBe(
        pem,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never quotes a secret in an error message', () => {
    const secret = 'Zq8~very.secret-VALUE';
    const errors = [
      // A secret pasted into a key that wants a number, a URL, a GUID or another type.
      errorOf({ requests: { maxRetries: secret } }),
      errorOf({ resourceManagerEndpoint: secret }),
      errorOf({ subscriptions: [secret] }),
      errorOf({
        credential: {
          type: 'clientSecret',
          tenantId: 't',
          clientSecret: secret,
        },
      }),
      errorOf({
        resourceManagerEndpoint: 'https://management.azure.com',
        credential: { type: 'development', token: secret },
      }),
    ];
    for (const error of errors) {
      expect(error.message).not.toContain(secret);
    }
  });
});
