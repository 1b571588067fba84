import { createSign, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A signing certificate of the test CA, the chain Amazon would publish for it, and its private key. */
export interface AlexaTestSigner {
  chainPem: string;
  keyPem: string;
}

/** A locally generated stand-in for Amazon's PKI: a root, an intermediate, and leaf certificates that sign requests. */
export interface AlexaTestCa {
  rootPem: string;
  /** SAN echo-api.amazon.com, valid now. */
  valid: AlexaTestSigner;
  /** Same name, but its validity ended before now. */
  expired: AlexaTestSigner;
  /** Valid now, but names another host. */
  wrongSan: AlexaTestSigner;
  /** A chain that leads to a root nobody trusts. */
  untrusted: AlexaTestSigner;
}

const EXTENSIONS = `
[ca]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
[leaf]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
subjectAltName=DNS:echo-api.amazon.com
[wrongsan]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
subjectAltName=DNS:echo-api.amazon.com.evil.example
`;

/** Generates the test CA with /usr/bin/openssl in a temporary folder (removed afterwards); about a second. */
export function createAlexaTestCa(): AlexaTestCa {
  const dir = mkdtempSync(join(tmpdir(), 'parley-alexa-ca-'));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  try {
    writeFileSync(join(dir, 'ext.cnf'), EXTENSIONS);
    // The CAs use P-256 keys (quick to make); the signer is RSA, as Amazon's is.
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];
    const root = (name: string) => ssl('req', '-x509', ...ec, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-subj', `/CN=Parley Test ${name}`, '-days', '2');
    const request = (name: string, subject: string, key = ['-newkey', 'rsa:2048']) => ssl('req', ...key, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    const issue = (name: string, csr: string, ca: string, extensions: string, days = '2') =>
      ssl('x509', '-req', '-in', `${csr}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', days, '-extfile', 'ext.cnf', '-extensions', extensions);
    root('root');
    root('stranger');
    request('intermediate', '/CN=Parley Test Intermediate', ec);
    issue('intermediate', 'intermediate', 'root', 'ca');
    request('leaf', '/CN=echo-api.amazon.com');
    issue('leaf', 'leaf', 'intermediate', 'leaf');
    // A negative validity: notAfter lies a day before notBefore (now), so the certificate has expired.
    issue('expired', 'leaf', 'intermediate', 'leaf', '-1');
    issue('wrongsan', 'leaf', 'intermediate', 'wrongsan');
    issue('untrusted', 'leaf', 'stranger', 'leaf');
    const chain = (leaf: string, ...rest: string[]) => ({ chainPem: [leaf, ...rest].map((f) => read(`${f}.pem`)).join(''), keyPem: read('leaf.key') });
    return {
      rootPem: read('root.pem'),
      valid: chain('leaf', 'intermediate'),
      expired: chain('expired', 'intermediate'),
      wrongSan: chain('wrongsan', 'intermediate'),
      untrusted: chain('untrusted', 'stranger'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Amazon's side of the signature: base64 SHA-256 with RSA over the exact body bytes (the Signature-256 header). */
export function signAlexaBody(body: string, keyPem: string): string {
  return createSign('RSA-SHA256').update(body).sign(keyPem, 'base64');
}

/** Stands in for Amazon's S3 bucket of signing chains, and trusts the test CA's root only; counts downloads per URL. */
export class FakeAlexaCertificates {
  private readonly chains = new Map<string, string>();
  private readonly roots: X509Certificate[];
  readonly fetches = new Map<string, number>();

  constructor(rootPem: string) {
    this.roots = [new X509Certificate(rootPem)];
  }

  serve(url: string, chainPem: string): this {
    this.chains.set(url, chainPem);
    return this;
  }

  async fetchChain(url: string): Promise<string> {
    this.fetches.set(url, (this.fetches.get(url) ?? 0) + 1);
    const chain = this.chains.get(url);
    if (!chain) throw new Error(`HTTP 404 for ${url}`);
    return chain;
  }

  trustedRoots(): readonly X509Certificate[] {
    return this.roots;
  }
}
