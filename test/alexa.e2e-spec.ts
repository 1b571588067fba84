import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import type { SqlDatabase } from '@parley/persistence';
import { createAlexaTestCa, type AlexaTestCa, type FakeAlexaCertificates } from '@parley/testing';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { ALEXA_CHAINS, alexaCertificates, alexaEnv, AlexaUser, type AlexaReply, type Delivery } from './support/alexa-user';
import { malformedRequest } from './support/fuzz-bodies';

describe('Alexa custom skill end to end', () => {
  let ca: AlexaTestCa;
  let certificates: FakeAlexaCertificates;
  let running: RunningApp;
  const user = () => new AlexaUser(() => running.url, ca.valid);
  const sql = () => running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
  const storedFor = async (userId: string) =>
    (await sql().all<{ direction: string; text: string; external_id: string | null }>(
      `SELECT m.direction, m.text, m.external_id FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE c.channel = 'alexa' AND c.address = ? ORDER BY m.position`,
      [userId],
    )) ?? [];
  const attributesOf = async (userId: string) => {
    const row = await sql().get<{ attributes: string }>(
      `SELECT ct.attributes FROM contacts ct JOIN channel_identities i ON i.contact_id = ct.id WHERE i.channel = 'alexa' AND i.address = ?`,
      [userId],
    );
    return row ? (JSON.parse(row.attributes) as Record<string, unknown>) : undefined;
  };
  const listening = (reply: AlexaReply) => {
    expect(reply).toMatchObject({ status: 200, ended: false });
    expect(reply.reprompt).toBe(reply.said[reply.said.length - 1]);
    expect((reply.body.response as { outputSpeech: { ssml: string } }).outputSpeech.ssml).toMatch(/^<speak>(<p>[^<>]*<\/p>)+<\/speak>$/);
    return reply;
  };

  beforeAll(async () => {
    ca = createAlexaTestCa();
    certificates = alexaCertificates(ca);
    running = await startApp(alexaEnv(), { alexaCertificates: certificates });
  });
  afterAll(async () => {
    await running?.close();
  });

  it('qualifies a lead in one Alexa session: launch, three answers, then goodbye and the session ends', async () => {
    const jane = user();
    const greeting = listening(await jane.launch());
    expect(greeting.said).toEqual([expect.stringMatching(/^Hi! I'm Parley/), "First, what's your name?"]);
    expect(listening(await jane.say('Jane')).said).toEqual(["Nice to meet you, Jane! What's your work email?"]);
    expect(listening(await jane.say('jane@acme.io')).said).toEqual(['How many people work at your company? Say 1 for 1-49, 2 for 50-999, or 3 for 1000+.']);

    const done = await jane.say('two');
    expect(done).toMatchObject({ status: 200, ended: true, reprompt: undefined });
    expect(done.said).toEqual(['Thanks, Jane! A product specialist will reach out to set up a demo for your team.', 'Goodbye!']);

    expect(await attributesOf(jane.userId)).toMatchObject({ name: 'Jane', email: 'jane@acme.io', companySize: 'midmarket' });
    const inbound = (await storedFor(jane.userId)).filter((m) => m.direction === 'in');
    expect(inbound.map((m) => m.text)).toEqual(['Jane', 'jane@acme.io', '2']);
    expect(inbound.every((m) => m.external_id?.startsWith('amzn1.echo-api.request.'))).toBe(true);
    expect(await jane.endSession()).toMatchObject({ status: 200, body: { version: '1.0', response: {} } });
  });

  it('answers a retried request with the same prompt and neither stores it twice nor advances the flow twice', async () => {
    const sam = user();
    await sam.launch();
    const answer = sam.envelope(sam.utterance('Sam'));
    const [first, ...retries] = await Promise.all([1, 2, 3].map(() => sam.send(answer)));
    for (const retry of retries) expect(retry.said).toEqual(first.said);
    expect(first.said).toEqual(["Nice to meet you, Sam! What's your work email?"]);
    expect((await storedFor(sam.userId)).filter((m) => m.direction === 'in')).toHaveLength(1);
    expect(listening(await sam.say('sam@acme.io')).said[0]).toMatch(/^How many people work at your company\?/);
  });

  it('helps, repeats the question after an empty utterance, and stops politely without touching the flow', async () => {
    const lou = user();
    await lou.launch();
    expect(listening(await lou.intent('AMAZON.HelpIntent')).said).toEqual([expect.stringMatching(/^I ask a few quick questions/), "First, what's your name?"]);
    expect(listening(await lou.intent('CatchAllIntent')).said).toEqual(["Sorry, I didn't catch that.", "First, what's your name?"]);
    expect(listening(await lou.intent('AMAZON.FallbackIntent')).said).toEqual(["Sorry, I didn't catch that.", "First, what's your name?"]);
    const stop = await lou.intent('AMAZON.StopIntent');
    expect(stop).toMatchObject({ status: 200, ended: true, said: ['Okay. Talk to you soon. Goodbye!'] });
    expect(await lou.endSession()).toMatchObject({ status: 200, body: { response: {} } });

    const resumed = listening(await lou.launch());
    expect(resumed.said).toEqual([expect.stringMatching(/^Hi! I'm Parley/), "First, what's your name?"]);
    expect(await storedFor(lou.userId)).toEqual(expect.not.arrayContaining([expect.objectContaining({ direction: 'in' })]));
  });

  it('refuses with 400 every request Amazon would not have sent, and nothing changes', async () => {
    const eve = user();
    await eve.launch();
    await eve.say('Eve');
    const before = await storedFor(eve.userId);
    const answer = (at?: Date) => eve.envelope(eve.utterance('eve@evil.example'), at);
    const attempt = (delivery: Delivery, at?: Date) => eve.send(answer(at), delivery);
    const forSkill = (envelope: Record<string, unknown>, applicationId: string) => {
      const { session, context } = envelope as { session: object; context: { System: object } };
      return { ...envelope, session: { ...session, application: { applicationId } }, context: { System: { ...context.System, application: { applicationId } } } };
    };
    const stranger = { chainPem: '', keyPem: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    const rejections: [string, Promise<AlexaReply>][] = [
      // Alexa timestamps carry whole seconds: 10 s past the 150 s limit, so truncation and a slow machine cannot bring one back inside.
      ['stale_timestamp', attempt({}, new Date(Date.now() - 160_000))],
      ['stale_timestamp', attempt({}, new Date(Date.now() + 160_000))],
      ['wrong_application', eve.send(forSkill(answer(), 'amzn1.ask.skill.someone-else'))],
      ['bad_certificate_url', attempt({ certUrl: 'http://s3.amazonaws.com/echo.api/echo-api-cert-parley.pem' })],
      ['bad_certificate_url', attempt({ certUrl: 'https://notamazon.com/echo.api/echo-api-cert-parley.pem' })],
      ['bad_certificate_url', attempt({ certUrl: 'https://s3.amazonaws.com:563/echo.api/echo-api-cert-parley.pem' })],
      ['bad_certificate_url', attempt({ certUrl: 'https://s3.amazonaws.com/EcHo.aPi/echo-api-cert-parley.pem' })],
      ['bad_certificate_url', attempt({ certUrl: 'https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert-parley.pem' })],
      ['bad_certificate_url', attempt({ certUrl: null })],
      ['bad_signature', attempt({ tamper: (body) => body.replace('eve@evil.example', 'eve@acme.io') })],
      ['bad_signature', attempt({ signature: null })],
      ['bad_signature', attempt({ signature: Buffer.from('forged').toString('base64') })],
      ['bad_signature', attempt({ signer: stranger })],
      ['bad_certificate', attempt({ certUrl: ALEXA_CHAINS.expired, signer: ca.expired })],
      ['bad_certificate', attempt({ certUrl: ALEXA_CHAINS.wrongSan, signer: ca.wrongSan })],
      ['bad_certificate', attempt({ certUrl: ALEXA_CHAINS.untrusted, signer: ca.untrusted })],
      ['bad_certificate', attempt({ certUrl: 'https://s3.amazonaws.com/echo.api/not-published.pem' })],
      ['bad_request', eve.send({ request: { type: 'IntentRequest', timestamp: new Date().toISOString() } })],
      ['bad_request', eve.send({ ...answer(), request: { ...(answer().request as object), timestamp: 'yesterday' } })],
    ];
    for (const [code, reply] of rejections) {
      const { status, body } = await reply;
      expect({ status, error: body.error }).toEqual({ status: 400, error: code });
      expect(body.reason).toEqual(expect.any(String));
    }
    expect(await storedFor(eve.userId)).toEqual(before);
    expect(await attributesOf(eve.userId)).not.toHaveProperty('email');
    expect(listening(await eve.say('eve@acme.io')).said[0]).toMatch(/^How many people work at your company\?/);
    expect([...certificates.fetches.keys()].every((url) => url.startsWith('https://s3.amazonaws.com/echo.api/'))).toBe(true);
  });

  it('answers malformed bodies, unsigned or validly signed, with a 4xx and never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(malformedRequest, async ({ contentType, body }) => {
        const response = await fetch(`${running.url}/webhooks/alexa`, {
          method: 'POST',
          headers: { ...(contentType === undefined ? {} : { 'content-type': contentType }), signaturecertchainurl: ALEXA_CHAINS.valid, 'signature-256': 'AAAA' },
          body,
        });
        expect([400, 413, 415]).toContain(response.status);
      }),
      { numRuns: 150 },
    );
    const mallory = user();
    const garbage = fc.record({
      type: fc.constantFrom('LaunchRequest', 'IntentRequest', 'SessionEndedRequest', 'CanFulfillIntentRequest', 'Display.ElementSelected', ''),
      intent: fc.option(fc.record({ name: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('CatchAllIntent', 'AMAZON.StopIntent')), slots: fc.dictionary(fc.string({ maxLength: 20 }), fc.record({ value: fc.option(fc.string({ maxLength: 3_000 }), { nil: undefined }) }, { requiredKeys: [] })) }, { requiredKeys: [] }), { nil: undefined }),
      locale: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
    });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(garbage, async (request) => {
        const reply = await mallory.send(mallory.envelope(JSON.parse(JSON.stringify(request)) as Record<string, unknown>));
        expect([200, 400]).toContain(reply.status);
        if (reply.status === 200) accepted++;
      }),
      { numRuns: 120 },
    );
    expect((await storedFor(mallory.userId)).filter((m) => m.direction === 'in').length).toBeLessThanOrEqual(accepted);
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
  });

  it('downloads each certificate chain once and keeps it', () => {
    expect(certificates.fetches.get(ALEXA_CHAINS.valid)).toBe(1);
  });

  it('answers 503 with a reason when ALEXA_SKILL_ID is not set', async () => {
    const off = await startApp({}, { alexaCertificates: certificates });
    try {
      const reply = await new AlexaUser(() => off.url, ca.valid).launch();
      expect(reply).toMatchObject({ status: 503, body: { error: 'alexa_channel_off', reason: expect.stringContaining('ALEXA_SKILL_ID') } });
    } finally {
      await off.close();
    }
  });
});
