import { generate } from 'selfsigned';

/** A TLS key and certificate in PEM. @public */
export interface TlsMaterial {
  key: string;
  /** The certificate; it is self-signed, so it is also the CA clients must trust. */
  cert: string;
}

/**
 * A certificate for CN=localhost with SAN DNS:localhost, IP:127.0.0.1 and IP:::1,
 * valid for a year. The Azure SDK refuses bearer tokens over plain http, so the
 * simulator speaks HTTPS and hands this certificate to clients as their CA
 * (`tlsOptions: { ca }` in-process, or `NODE_EXTRA_CA_CERTS`).
 */
export async function createSelfSignedCertificate(): Promise<TlsMaterial> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 365 * 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      {
        name: 'keyUsage',
        digitalSignature: true,
        keyEncipherment: true,
        keyCertSign: true,
        critical: true,
      },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
