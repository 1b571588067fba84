import { consentLedger, type SqlDatabase } from '@parley/persistence';
import { FakeTwilio, type FakeSms } from '@parley/testing';
import twilio from 'twilio';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { SmsPeer, TWILIO, messageSid, randomPhone } from './support/sms-peer';

const { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, ourNumber: OUR_NUMBER, publicBaseUrl: PUBLIC_BASE_URL } = TWILIO;
const phone = randomPhone;

describe('SMS on Twilio end to end', () => {
  const fake = new FakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  let running: RunningApp;

  const peer = new SmsPeer(() => running.url, fake);
  const post = peer.post.bind(peer);
  const inbound = (from: string, body: string, sid?: string) => peer.inbound(from, body, sid);
  const waitFor = peer.waitFor.bind(peer);

  /** Texts Parley, checks the empty TwiML answer, and waits for `replies` SMS back to that number. */
  async function text(from: string, body: string, replies: number): Promise<FakeSms[]> {
    const before = fake.sentTo(from).length;
    const response = await post('/webhooks/twilio/sms', inbound(from, body));
    expect(response).toEqual({ status: 200, type: expect.stringContaining('text/xml'), body: '<?xml version="1.0" encoding="UTF-8"?><Response/>' });
    await waitFor(() => fake.sentTo(from).length >= before + replies);
    return fake.sentTo(from).slice(before);
  }

  const storedWith = async (sid: string) =>
    (await running.app.get<{ sql: SqlDatabase }>(DATABASE).sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM messages WHERE channel = ? AND external_id = ?', ['sms', sid]))?.n;
  const sql = () => running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
  const delivery = (messageId: string) =>
    sql().get<{ status: string; provider_id: string | null; delivery_error: string | null; sms_segments: number | null }>(
      'SELECT status, provider_id, delivery_error, sms_segments FROM messages WHERE id = ?',
      [messageId],
    );
  const carrierOptOut = async (phoneNumber: string) => {
    const identity = await sql().get<{ contact_id: string }>('SELECT contact_id FROM channel_identities WHERE channel = ? AND address = ?', ['sms', phoneNumber]);
    const events = identity ? await consentLedger.of(sql(), identity.contact_id) : [];
    return events.some((e) => e.action === 'revoke' && e.source === 'carrier');
  };

  beforeAll(async () => {
    const { url } = await fake.start();
    running = await startApp({ TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM: OUR_NUMBER, TWILIO_API_URL: url, PUBLIC_BASE_URL });
    fake.routeCallbacksTo(running.url);
  });
  afterAll(async () => {
    await running?.close();
    await fake.stop();
  });

  it('runs the lead-qualification flow over SMS, with numbered options and a reply "2" picking the second', async () => {
    const jane = phone();
    const greeting = await text(jane, 'Hi', 2);
    expect(greeting.map((m) => m.body)).toEqual([expect.stringMatching(/^Hi! I'm Parley/), "First, what's your name?"]);
    for (const sms of greeting) {
      expect(sms).toMatchObject({ from: OUR_NUMBER, to: jane, accountSid: ACCOUNT_SID });
      expect(sms.statusCallback).toMatch(/^https:\/\/parley\.example\.com\/webhooks\/twilio\/status\?messageId=[\w-]+$/);
    }
    expect((await text(jane, 'Jane', 1))[0].body).toBe("Nice to meet you, Jane! What's your work email?");
    expect((await text(jane, 'jane@acme.io', 1))[0].body).toBe('How many people work at your company?\n1) 1-49\n2) 50-999\n3) 1000+');
    expect((await text(jane, '2', 1))[0].body).toBe('Thanks, Jane! A product specialist will reach out to set up a demo for your team.');
  });

  it('refuses a forged, missing or misdirected signature with 403 and stores and sends nothing', async () => {
    const mallory = phone();
    const params = inbound(mallory, 'STOP');
    const forged = twilio.getExpectedTwilioSignature('not-the-token', `${PUBLIC_BASE_URL}/webhooks/twilio/sms`, params);
    const localUrl = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${running.url}/webhooks/twilio/sms`, params);
    const otherParams = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}/webhooks/twilio/sms`, { ...params, Body: 'Hi' });
    for (const signature of [forged, null, '', localUrl, otherParams]) {
      const response = await post('/webhooks/twilio/sms', params, signature);
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ error: 'invalid_signature' });
    }
    expect((await post('/webhooks/twilio/status', { MessageSid: messageSid(), MessageStatus: 'delivered' }, null)).status).toBe(403);
    await new Promise((r) => setTimeout(r, 200));
    expect(await storedWith(params.MessageSid)).toBe(0);
    expect(fake.sentTo(mallory)).toEqual([]);
  });

  it('stores and answers a MessageSid posted three times (Twilio retries) once', async () => {
    const sam = phone();
    await text(sam, 'Hello', 2);
    const retried = inbound(sam, 'Sam');
    const responses = await Promise.all([1, 2, 3].map(() => post('/webhooks/twilio/sms', retried)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await post('/webhooks/twilio/sms', retried)).status).toBe(200);
    await waitFor(() => fake.sentTo(sam).length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(await storedWith(retried.MessageSid)).toBe(1);
    expect(fake.sentTo(sam).map((m) => m.body).slice(2)).toEqual(["Nice to meet you, Sam! What's your work email?"]);
  });

  it('records signed delivery receipts, ignores stale ones, and marks error 21610 as opted out', async () => {
    const ann = phone();
    const [, question] = await text(ann, 'Hi', 2);
    const messageId = new URL(question.statusCallback!).searchParams.get('messageId')!;
    // The fake has the text before Parley has Twilio's answer (and records the SID): wait for that receipt.
    const deadline = Date.now() + 5000;
    while (!(await delivery(messageId))?.provider_id && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // Segments are counted per message for cost reports (the question and its options fit in one).
    expect(await delivery(messageId)).toEqual({ status: 'queued', provider_id: question.sid, delivery_error: null, sms_segments: 1 });
    expect(await fake.postStatus(question, 'sent')).toBe(204);
    expect(await fake.postStatus(question, 'delivered')).toBe(204);
    expect(await fake.postStatus(question, 'sent')).toBe(204);
    expect(await delivery(messageId)).toEqual({ status: 'delivered', provider_id: question.sid, delivery_error: null, sms_segments: 1 });
    expect(await carrierOptOut(ann)).toBe(false);

    const bob = phone();
    const [greeting] = await text(bob, 'Hi', 2);
    expect(await fake.postStatus(greeting, 'undelivered', '21610')).toBe(204);
    const greetingId = new URL(greeting.statusCallback!).searchParams.get('messageId')!;
    expect(await delivery(greetingId)).toMatchObject({ status: 'undelivered', delivery_error: '21610' });
    expect(await carrierOptOut(bob)).toBe(true);
  });

  it('retries a send that Twilio refuses transiently, and records a refusal for an opted-out number', async () => {
    const cleo = phone();
    fake.failNext(1, 503, 20503, 'Service Unavailable');
    const replies = await text(cleo, 'Hi', 2);
    expect(replies.map((m) => m.body)).toEqual([expect.stringMatching(/^Hi! I'm Parley/), "First, what's your name?"]);

    const dan = phone();
    fake.optOut(dan);
    expect((await post('/webhooks/twilio/sms', inbound(dan, 'Hi'))).status).toBe(200);
    const deadline = Date.now() + 5000;
    while (!(await carrierOptOut(dan)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await carrierOptOut(dan)).toBe(true);
    expect(fake.sentTo(dan)).toEqual([]);
  });

  it('answers 503 with a reason when Twilio is not configured, and never accepts unsigned traffic', async () => {
    const off = await startApp();
    try {
      for (const path of ['/webhooks/twilio/sms', '/webhooks/twilio/status']) {
        const response = await fetch(`${off.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(inbound(phone(), 'Hi')),
        });
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({ error: 'sms_channel_off', reason: expect.stringContaining('TWILIO_ACCOUNT_SID') });
      }
    } finally {
      await off.close();
    }
  });
});
