import { X509Certificate } from 'node:crypto';

export const ALEXA_SIGNING_DOMAIN = 'echo-api.amazon.com';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function validAt(cert: X509Certificate, now: Date): boolean {
  return new Date(cert.validFrom) <= now && now <= new Date(cert.validTo);
}

function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  return issuer.ca && cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
}

function namesSigningDomain(cert: X509Certificate): boolean {
  return (cert.subjectAltName ?? '').split(/,\s*/).some((name) => name.trim() === `DNS:${ALEXA_SIGNING_DOMAIN}`);
}

export type ChainCheck = { signer: X509Certificate; expiresAt: Date } | { problem: string };

/**
 * Amazon's checks of the signing chain: every certificate valid now, the first (the signer) names
 * echo-api.amazon.com, each is issued by the next, and the last is, or is issued by, a trusted root.
 */
export function verifyCertificateChain(pem: string, roots: readonly X509Certificate[], now: Date): ChainCheck {
  let chain: X509Certificate[];
  try {
    chain = (pem.match(PEM_BLOCK) ?? []).map((block) => new X509Certificate(block));
  } catch {
    return { problem: 'certificate chain does not parse' };
  }
  if (!chain.length) return { problem: 'certificate chain is empty' };
  if (!chain.every((cert) => validAt(cert, now))) return { problem: 'a certificate of the chain is expired or not yet valid' };
  const [signer] = chain;
  if (!namesSigningDomain(signer)) return { problem: `signing certificate does not name ${ALEXA_SIGNING_DOMAIN}` };
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!issuedBy(chain[i], chain[i + 1])) return { problem: 'certificate chain is broken' };
  }
  const last = chain[chain.length - 1];
  const anchored = roots.some((root) => root.fingerprint256 === last.fingerprint256 || (validAt(root, now) && issuedBy(last, root)));
  if (!anchored) return { problem: 'certificate chain does not lead to a trusted root' };
  const expiresAt = new Date(Math.min(...chain.map((cert) => new Date(cert.validTo).getTime())));
  return { signer, expiresAt };
}
