import { createAlexaTestCa, FakeAlexaCertificates, signAlexaBody, type AlexaTestCa } from '@parley/testing';
import { AlexaCertificates } from './alexa-certificates';
import { verifyAlexaRequest } from './verify-alexa-request';

const URL_OK = 'https://s3.amazonaws.com/echo.api/echo-api-cert.pem';
const SKILL = 'amzn1.ask.skill.unit';

describe('verifyAlexaRequest', () => {
  let ca: AlexaTestCa;
  let source: FakeAlexaCertificates;
  let certificates: AlexaCertificates;
  const now = () => new Date();
  const body = (at = now(), skill = SKILL) =>
    JSON.stringify({
      version: '1.0',
      context: { System: { application: { applicationId: skill }, user: { userId: 'U1' } } },
      request: { type: 'LaunchRequest', requestId: 'R1', timestamp: at.toISOString() },
    });
  const signed = (raw: string, certChainUrl = URL_OK, key = ca.valid.keyPem) => ({ rawBody: Buffer.from(raw), certChainUrl, signature: signAlexaBody(raw, key) });

  beforeAll(() => {
    ca = createAlexaTestCa();
  });
  beforeEach(() => {
    source = new FakeAlexaCertificates(ca.rootPem).serve(URL_OK, ca.valid.chainPem);
    certificates = new AlexaCertificates(source);
  });

  it('accepts a request signed by the published chain, downloading the chain once for many requests', async () => {
    await Promise.all([1, 2, 3].map(() => verifyAlexaRequest(signed(body()), SKILL, certificates, now())));
    await expect(verifyAlexaRequest(signed(body()), SKILL, certificates, now())).resolves.toMatchObject({ kind: 'launch', userId: 'U1' });
    expect(source.fetches.get(URL_OK)).toBe(1);
  });

  it('downloads the chain again once the cached one has expired', async () => {
    await verifyAlexaRequest(signed(body()), SKILL, certificates, now());
    const later = new Date(Date.now() + 3 * 86_400_000);
    await expect(verifyAlexaRequest(signed(body(later)), SKILL, certificates, later)).rejects.toMatchObject({ code: 'bad_certificate' });
    expect(source.fetches.get(URL_OK)).toBe(2);
  });

  it('checks the skill, the clock and the URL before downloading anything', async () => {
    await expect(verifyAlexaRequest(signed(body(now(), 'other')), SKILL, certificates, now())).rejects.toMatchObject({ code: 'wrong_application' });
    await expect(verifyAlexaRequest(signed(body(new Date(Date.now() - 151_000))), SKILL, certificates, now())).rejects.toMatchObject({ code: 'stale_timestamp' });
    await expect(verifyAlexaRequest(signed(body(), 'https://evil.example/echo.api/c.pem'), SKILL, certificates, now())).rejects.toMatchObject({
      code: 'bad_certificate_url',
    });
    expect(source.fetches.size).toBe(0);
  });

  it('accepts a timestamp just inside 150 seconds', async () => {
    await expect(verifyAlexaRequest(signed(body(new Date(Date.now() - 145_000))), SKILL, certificates, now())).resolves.toBeDefined();
  });

  it('refuses a body changed after signing, and an empty one', async () => {
    const raw = body();
    const request = { ...signed(raw), rawBody: Buffer.from(raw.replace('R1', 'R2')) };
    await expect(verifyAlexaRequest(request, SKILL, certificates, now())).rejects.toMatchObject({ code: 'bad_signature' });
    await expect(verifyAlexaRequest({ ...signed(raw), rawBody: Buffer.alloc(0) }, SKILL, certificates, now())).rejects.toMatchObject({ code: 'bad_request' });
  });
});
