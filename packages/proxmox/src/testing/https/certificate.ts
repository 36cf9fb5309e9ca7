import { X509Certificate } from 'node:crypto';

/** A freshly made self-signed certificate for the simulator's HTTPS server. */
export interface SimCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  /** `AB:CD:…` upper-case SHA-256 fingerprint, the form PVE's GUI and `pvenode cert info` show. */
  readonly fingerprint256: string;
}

/**
 * Makes an EC P-256 self-signed certificate for `CN=<commonName>` with `127.0.0.1`, `::1` and
 * `localhost` as subject alternative names, in-process (no child processes: the package's fence).
 * `selfsigned` is an optional peer dependency, loaded only here.
 */
export async function makeSelfSignedCertificate(commonName: string): Promise<SimCertificate> {
  let selfsigned: typeof import('selfsigned');
  try {
    selfsigned = await import('selfsigned');
  } catch (error) {
    throw new Error(
      'the simulated PVE HTTPS server needs the optional peer dependency selfsigned@5.5.0 (npm i -D selfsigned@5.5.0)',
      { cause: error },
    );
  }
  const pems = await selfsigned.generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    // Valid at any time, on purpose: the certificate is made under whatever clock the test runs
    // (fake timers, a shifted system clock) but checked by TLS against the real one, in `ca`
    // mode. 9999-12-31T23:59:59Z is RFC 5280's "no well-defined expiration date" (§4.1.2.5).
    notBeforeDate: new Date(0),
    notAfterDate: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)),
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: commonName },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  const fingerprint256 = new X509Certificate(pems.cert).fingerprint256;
  return { certificatePem: pems.cert, privateKeyPem: pems.private, fingerprint256 };
}
