import type { SqlDatabase } from '@parley/persistence';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { randomPhone, twilioEnv } from './support/sms-peer';
import { sign, VoiceCaller, type CallStep } from './support/voice-caller';

describe('Twilio Voice end to end', () => {
  let running: RunningApp;
  const caller = (from = randomPhone()) => new VoiceCaller(() => running.url, from);
  const sql = () => running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
  const storedFor = async (phone: string) =>
    (await sql().all<{ direction: string; text: string; external_id: string | null }>(
      `SELECT m.direction, m.text, m.external_id FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE c.channel = 'voice' AND c.address = ? ORDER BY m.position`,
      [phone],
    )) ?? [];
  const attributesOf = async (phone: string) => {
    const row = await sql().get<{ attributes: string }>(
      `SELECT ct.attributes FROM contacts ct JOIN channel_identities i ON i.contact_id = ct.id WHERE i.channel = 'voice' AND i.address = ?`,
      [phone],
    );
    return row ? (JSON.parse(row.attributes) as Record<string, unknown>) : undefined;
  };
  const listening = (step: CallStep) => {
    expect(step).toMatchObject({ status: 200, type: expect.stringContaining('text/xml'), hangup: false });
    expect(step.twiml).toMatch(/<Gather input="speech dtmf" speechTimeout="auto" action="https:\/\/parley\.example\.com\/webhooks\/twilio\/voice\?turn=\d+&amp;silence=\d+" method="POST"/);
    expect(step.twiml).toContain('<Say voice="Polly.Joanna" language="en-US">');
    return step;
  };

  beforeAll(async () => {
    running = await startApp(twilioEnv('http://127.0.0.1:9'));
  });
  afterAll(async () => {
    await running?.close();
  });

  it('qualifies a lead on a phone call: speech answers, a keypress for the company size, then goodbye and hang up', async () => {
    const jane = caller();
    const greeting = listening(await jane.dial());
    expect(greeting.said).toEqual([expect.stringMatching(/^Hi! I'm Parley/), "First, what's your name?"]);

    const email = listening(await jane.say(greeting, 'Jane.'));
    expect(email.said).toEqual(["Nice to meet you, Jane! What's your work email?"]);
    const size = listening(await jane.say(email, 'jane@acme.io'));
    expect(size.said).toEqual(['How many people work at your company? Say or press 1 for 1-49, 2 for 50-999, or 3 for 1000+.']);

    const done = await jane.press(size, '2');
    expect(done).toMatchObject({ status: 200, hangup: true, listenAt: undefined });
    expect(done.said).toEqual(['Thanks, Jane! A product specialist will reach out to set up a demo for your team.', 'Thanks for calling. Goodbye!']);

    expect(await attributesOf(jane.from)).toMatchObject({ name: 'Jane', email: 'jane@acme.io', companySize: 'midmarket' });
    const inbound = (await storedFor(jane.from)).filter((m) => m.direction === 'in');
    expect(inbound.map((m) => [m.text, m.external_id])).toEqual([
      ['Jane', `${jane.sid}:1`],
      ['jane@acme.io', `${jane.sid}:2`],
      ['2', `${jane.sid}:3`],
    ]);
  });

  it('welcomes back a caller whose flow ended, and lets them start over', async () => {
    const ann = caller();
    let step = await ann.dial();
    for (const answer of ['Ann', 'ann@acme.io']) step = await ann.say(step, answer);
    expect((await ann.press(step, '1')).hangup).toBe(true);
    expect(await ann.post('/webhooks/twilio/voice', ann.params({ CallStatus: 'completed' }))).toMatchObject({ status: 200, said: [], hangup: false });

    const again = new VoiceCaller(() => running.url, ann.from);
    const welcome = listening(await again.dial());
    expect(welcome.said).toEqual(['Welcome back! What can I do for you?']);
    const bye = await again.say(welcome, 'I have a question about pricing');
    expect(bye).toMatchObject({ hangup: true, listenAt: undefined });
    expect(bye.said).toEqual(['Thanks for your message, Ann. Someone from our team will get back to you.', 'Thanks for calling. Goodbye!']);
  });

  it('answers a retried Gather callback with the same prompt and stores the answer once', async () => {
    const sam = caller();
    const greeting = await sam.dial();
    const first = await sam.say(greeting, 'Sam');
    const retries = await Promise.all([1, 2].map(() => sam.say(greeting, 'Sam')));
    for (const retry of retries) expect(retry.said).toEqual(first.said);
    expect(retries[0].listenAt).toBe(first.listenAt);
    expect((await storedFor(sam.from)).filter((m) => m.direction === 'in')).toHaveLength(1);
  });

  it('asks again after a silence, then says goodbye and hangs up after a second one', async () => {
    const quiet = caller();
    const greeting = await quiet.dial();
    const reprompt = listening(await quiet.silence(greeting));
    expect(reprompt.said).toEqual(["Sorry, I didn't hear anything.", expect.stringMatching(/^Hi! I'm Parley/), "First, what's your name?"]);
    const bye = await quiet.silence(reprompt);
    expect(bye).toMatchObject({ status: 200, hangup: true, listenAt: undefined });
    expect(bye.said).toEqual(["I still didn't hear anything, so I'll let you go. Thanks for calling. Goodbye!"]);
    expect((await storedFor(quiet.from)).filter((m) => m.direction === 'in')).toEqual([]);
  });

  it('refuses a forged, missing or misdirected signature with 403 and stores nothing', async () => {
    const mallory = caller();
    const path = '/webhooks/twilio/voice?turn=1&silence=0';
    const params = mallory.params({ SpeechResult: 'mallory@evil.example' });
    for (const signature of [sign(path, params, 'not-the-token'), null, '', sign('/webhooks/twilio/voice?turn=2&silence=0', params)]) {
      const response = await mallory.post(path, params, signature);
      expect(response.status).toBe(403);
      expect(JSON.parse(response.twiml)).toMatchObject({ error: 'invalid_signature' });
    }
    expect(await storedFor(mallory.from)).toEqual([]);
    expect(await attributesOf(mallory.from)).toBeUndefined();
  });

  it('transfers the call to VOICE_SALES_NUMBER when the flow hands the caller to sales', async () => {
    const b2b = await startApp({ ...twilioEnv('http://127.0.0.1:9'), ENTRY_FLOW: 'b2b-lead-qualification', VOICE_SALES_NUMBER: '+15005550100' });
    try {
      const jo = new VoiceCaller(() => b2b.url, randomPhone());
      const email = listening(await jo.say(listening(await jo.dial()), 'Jo'));
      expect(email.said).toEqual(["Nice to meet you, Jo! What's your work email?"]);
      const transfer = await jo.say(email, 'can I just speak with someone?');
      expect(transfer).toMatchObject({ status: 200, listenAt: undefined, hangup: false, dial: '+15005550100' });
      expect(transfer.said).toEqual(["Sure, I'm connecting you with someone from our team now.", 'Please hold while I connect you.']);
    } finally {
      await b2b.close();
    }
  });

  it('answers 503 with a reason when Twilio is not configured', async () => {
    const off = await startApp();
    try {
      const response = await fetch(`${off.url}/webhooks/twilio/voice`, { method: 'POST', body: new URLSearchParams({ CallSid: 'CA1', From: '+15551230000' }) });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'voice_channel_off', reason: expect.stringContaining('TWILIO_ACCOUNT_SID') });
    } finally {
      await off.close();
    }
  });
});
