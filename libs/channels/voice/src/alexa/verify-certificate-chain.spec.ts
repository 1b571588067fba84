import { createAlexaTestCa, type AlexaTestCa } from '@parley/testing';
import { X509Certificate } from 'node:crypto';
import { verifyCertificateChain } from './verify-certificate-chain';

describe('verifyCertificateChain', () => {
  let ca: AlexaTestCa;
  let roots: X509Certificate[];
  const now = () => new Date();

  beforeAll(() => {
    ca = createAlexaTestCa();
    roots = [new X509Certificate(ca.rootPem)];
  });

  it('accepts a chain from echo-api.amazon.com through an intermediate to a trusted root, and says when it expires', () => {
    const check = verifyCertificateChain(ca.valid.chainPem, roots, now());
    expect(check).toEqual({ signer: expect.any(X509Certificate), expiresAt: expect.any(Date) });
    if ('signer' in check) expect(check.signer.subjectAltName).toBe('DNS:echo-api.amazon.com');
  });

  it('also accepts a chain that includes the trusted root itself', () => {
    expect(verifyCertificateChain(ca.valid.chainPem + ca.rootPem, roots, now())).toHaveProperty('signer');
  });

  it.each<[string, (ca: AlexaTestCa) => string, string]>([
    ['an expired signing certificate', (c) => c.expired.chainPem, 'expired'],
    ['a signer for another name', (c) => c.wrongSan.chainPem, 'echo-api.amazon.com'],
    ['a chain to an untrusted root', (c) => c.untrusted.chainPem, 'trusted root'],
    ['a signer without its intermediate', (c) => c.valid.chainPem.slice(0, c.valid.chainPem.indexOf('-----END CERTIFICATE-----') + 25), 'trusted root'],
    ['a chain in the wrong order', (c) => c.valid.chainPem.split(/(?<=-----END CERTIFICATE-----\n)/).reverse().join(''), 'echo-api.amazon.com'],
    ['an empty body', () => '', 'empty'],
    ['garbage between the markers', () => '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', 'does not parse'],
  ])('refuses %s', (_name, chainOf, problem) => {
    expect(verifyCertificateChain(chainOf(ca), roots, now())).toEqual({ problem: expect.stringContaining(problem) });
  });

  it('refuses a valid chain before its certificates start and after they end', () => {
    expect(verifyCertificateChain(ca.valid.chainPem, roots, new Date(Date.now() - 86_400_000))).toHaveProperty('problem');
    expect(verifyCertificateChain(ca.valid.chainPem, roots, new Date(Date.now() + 3 * 86_400_000))).toHaveProperty('problem');
  });

  it('trusts nothing without roots', () => {
    expect(verifyCertificateChain(ca.valid.chainPem, [], now())).toEqual({ problem: expect.stringContaining('trusted root') });
  });
});
