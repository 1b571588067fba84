import { createAlexaTestCa } from '@parley/testing';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { HttpsAlexaCertificateSource } from './https-alexa-certificate-source';

describe('HttpsAlexaCertificateSource (production driver)', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const ca = createAlexaTestCa();
    server = createServer({ key: ca.valid.keyPem, cert: ca.valid.chainPem }, (_request, response) => response.end(ca.valid.chainPem));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/echo.api/echo-api-cert.pem`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('trusts the system CA store', () => {
    const roots = new HttpsAlexaCertificateSource().trustedRoots();
    expect(roots.length).toBeGreaterThan(50);
    expect(roots.every((root) => root.ca)).toBe(true);
  });

  it('downloads only over TLS the system trusts: a server of the test CA is refused', async () => {
    await expect(new HttpsAlexaCertificateSource().fetchChain(url)).rejects.toThrow(/unable to verify|self[- ]signed|certificate/i);
  });
});
