import { stringify } from 'yaml';
import { kubeconfigCertificateAuthority } from './kubeconfigCertificateAuthority';

const PEM =
  '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2Ez\n-----END CERTIFICATE-----\n';
const CA = Buffer.from(PEM).toString('base64');
const SECRET = 'local-account-token-3f9c';

/** A `listClusterUserCredentials` answer as the SDK returns it: the kubeconfig as bytes. */
function credentials(document: unknown, name = 'clusterUser') {
  const text = typeof document === 'string' ? document : stringify(document);
  return { kubeconfigs: [{ name, value: new Uint8Array(Buffer.from(text)) }] };
}

function kubeconfig(clusters: unknown[]) {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters,
    users: [{ name: 'clusterUser_rg_aks', user: { token: SECRET } }],
  };
}

function failureOf(
  answer: Parameters<typeof kubeconfigCertificateAuthority>[0],
) {
  try {
    kubeconfigCertificateAuthority(answer);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected no CA');
}

describe('kubeconfigCertificateAuthority', () => {
  it("takes the first cluster's certificate-authority-data, as base64", () => {
    expect(
      kubeconfigCertificateAuthority(
        credentials(
          kubeconfig([
            { name: 'aks', cluster: { server: 'https://aks:443' } },
            {
              name: 'aks',
              cluster: {
                server: 'https://aks:443',
                // kubectl accepts the data folded over lines; the annotation must not be.
                'certificate-authority-data': `${CA.slice(0, 20)}\n${CA.slice(
                  20,
                )}`,
              },
            },
          ]),
        ),
      ),
    ).toBe(CA);
  });

  it('prefers the clusterUser kubeconfig when ARM sends several', () => {
    const other = Buffer.from(PEM.replace('Q2Ez', 'AAAA')).toString('base64');
    const answer = {
      kubeconfigs: [
        ...credentials(
          kubeconfig([{ cluster: { 'certificate-authority-data': other } }]),
          'clusterAdmin',
        ).kubeconfigs,
        ...credentials(
          kubeconfig([{ cluster: { 'certificate-authority-data': CA } }]),
        ).kubeconfigs,
      ],
    };
    expect(kubeconfigCertificateAuthority(answer)).toBe(CA);
  });

  it.each([
    ['no kubeconfig', { kubeconfigs: [] }, 'holds no kubeconfig'],
    [
      'no CA',
      credentials(kubeconfig([{ cluster: { server: 'https://aks:443' } }])),
      'names no certificate-authority-data',
    ],
    [
      'a CA that is not a base64 PEM',
      credentials(
        kubeconfig([
          {
            cluster: {
              'certificate-authority-data':
                Buffer.from('not a pem').toString('base64'),
            },
          },
        ]),
      ),
      'is not a base64 PEM certificate',
    ],
    [
      'no YAML at all',
      credentials(`users: [{ user: { token: ${SECRET} }`),
      'is not valid YAML',
    ],
  ])('refuses an answer with %s, without quoting it', (_case, answer, why) => {
    const error = failureOf(answer);
    expect(error.name).toBe('KubeconfigCertificateAuthorityError');
    expect(error.message).toContain(why);
    expect(error.message).not.toContain(SECRET);
  });
});
