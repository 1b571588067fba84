import { newId } from '@parley/core';
import { SqlApiKeys, type SqlDatabase } from '@parley/persistence';
import { FakeSmtp, FakeTwilio } from '@parley/testing';
import { join } from 'node:path';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { ChatClient } from './support/chat-client';
import { parley } from './support/cli';
import { ManualClock } from './support/manual-clock';
import { SmsPeer, TWILIO, twilioEnv } from './support/sms-peer';
import { buildIfStale } from './support/spawn-app';

/** 23:00 in New York: quiet hours, so the campaign text is held until 08:00 (13:00 UTC). */
const NIGHT = new Date('2027-01-13T04:00:00Z');
const MORNING = new Date('2027-01-13T13:30:00Z');
const OFFER = 'Acme Deals: 20% off this week. Reply STOP to opt out.';
const EMAIL_DISCLOSURE = 'Yes, email me Acme news and offers. Unsubscribe any time.';

interface ConsentJson {
  channel: string;
  purpose: string;
  action: string;
  source: string;
  disclosureText?: string;
  evidence: Record<string, string>;
  prevHash: string;
  hash: string;
}

/** The fields of the API's JSON answers this spec reads. */
interface Answer {
  id: string;
  status: string;
  progress: Record<string, number>;
  consent: ConsentJson[];
  campaigns: Record<string, unknown>[];
}

interface Person {
  name: string;
  phone: string;
  email: string;
  contactId?: string;
}

/**
 * Consent given by SMS keyword (double opt-in) and withdrawn by the same person, in plain words, in web chat:
 * a held campaign text and a queued email step for them never go out; the same two for a person who did not
 * withdraw do (the control). The export shows both consent events with their proof and the chain verifies.
 * (An edited ledger row failing `parley consent verify` with the row named is test/consent.e2e-spec.ts.)
 */
describe('consent withdrawn anywhere cancels queued sends everywhere', () => {
  const fake = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  const smtp = new FakeSmtp();
  const clock = new ManualClock(NIGHT);
  let running: RunningApp;
  let sql: SqlDatabase;
  let adminKey: string;
  const peer = new SmsPeer(() => running.url, fake);
  const dana: Person = { name: 'Dana', phone: '+12125550142', email: 'dana@example.com' };
  const eli: Person = { name: 'Eli', phone: '+12125550143', email: 'eli@example.com' };

  const api = async (path: string, body?: unknown) => {
    const response = await fetch(`${running.url}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status).toBeLessThan(300);
    return response.json() as Promise<Answer>;
  };
  const contactOf = async (channel: string, address: string) =>
    (await sql.get<{ contact_id: string }>('SELECT contact_id FROM channel_identities WHERE channel = ? AND address = ?', [channel, address]))!.contact_id;
  const job = (key: string) => sql.get<{ status: string; last_error: string | null }>('SELECT status, last_error FROM outbox_jobs WHERE idempotency_key = ?', [key]);
  const recipientOf = (contactId: string) => sql.get<{ status: string; reason: string | null }>('SELECT status, reason FROM campaign_recipients WHERE contact_id = ?', [contactId]);
  const until = async (what: () => Promise<boolean>, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await what())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  /** JOIN, the disclosure, YES: consent by SMS keyword; then the email address and its consent arrive by import. */
  const subscribe = async (person: Person) => {
    const [disclosure] = await peer.text(person.phone, 'JOIN', 1);
    expect(disclosure.body).toMatch(/reply YES to confirm.*Msg & data rates may apply.*STOP to cancel/);
    await peer.text(person.phone, 'YES', 1);
    person.contactId = await contactOf('sms', person.phone);
    const rows = [{ phone: person.phone, email: person.email, name: person.name, consent_channel: 'email', consent_purpose: 'marketing', consent_text: EMAIL_DISCLOSURE }];
    expect(await api('/contacts/import', { rows })).toMatchObject({ updated: 1, consentEvents: 1, errors: [] });
  };
  /** A queued step of the trial-onboarding drip, due an hour from now (what a flow's email_sequence followup leads to). */
  const queueEmailStep = (contactId: string) =>
    sql.run(
      `INSERT INTO outbox_jobs (id, type, payload, idempotency_key, status, attempts, run_at, created_at, updated_at)
       VALUES (?, 'email.step', ?, ?, 'pending', 0, ?, ?, ?)`,
      [newId(), JSON.stringify({ contactId, sequence: 'trial-onboarding', step: 0, data: {} }), `email:${contactId}:trial-onboarding:1`,
        new Date(NIGHT.getTime() + 3_600_000).toISOString(), NIGHT.toISOString(), NIGHT.toISOString()],
    );

  beforeAll(async () => {
    buildIfStale();
    const { url } = await fake.start();
    running = await startApp(
      {
        ...twilioEnv(url),
        ENTRY_FLOW: 'sms-keyword-optin',
        SMTP_URL: await smtp.start(),
        EMAIL_FROM: 'Acme <hello@acme.test>',
        EMAIL_POSTAL_ADDRESS: 'Acme Inc., 1 Main St, Springfield',
        UNSUBSCRIBE_SECRET: 'consent-cancellation-secret',
        JOBS_POLL_MS: '20',
      },
      { clock },
    );
    sql = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
    adminKey = (await new SqlApiKeys(sql).create('admin', 'admin', new Date())).key;
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    await fake.stop();
    await smtp.stop();
  });

  it('a plain-language opt-out in web chat cancels the held SMS campaign text and the queued email step', async () => {
    await subscribe(dana);
    await subscribe(eli);
    const campaign = await api('/campaigns', { name: 'Night owl', template: OFFER, audience: { contactIds: [dana.contactId, eli.contactId] } });
    await queueEmailStep(dana.contactId!);
    await queueEmailStep(eli.contactId!);
    await until(async () => (await recipientOf(dana.contactId!))?.status === 'held' && (await recipientOf(eli.contactId!))?.status === 'held');

    // Dana, on the website: staff identify the visitor as her and merge the two contacts; then she opts out in plain words
    const visitor = new ChatClient(running.url);
    try {
      const hello = await visitor.hello();
      const visitorContact = await contactOf('webchat', hello.visitorId);
      await api(`/contacts/${dana.contactId}/merge`, { otherId: visitorContact });
      await visitor.send("I don't want any more marketing from you, please stop messaging me");
      await visitor.nextText(/won't send you any more marketing/);
    } finally {
      visitor.close();
    }
    // cancelled at once, not only when the text would have gone out
    expect(await recipientOf(dana.contactId!)).toEqual({ status: 'skipped', reason: 'opted-out' });
    expect((await api(`/campaigns/${campaign.id}`)).progress).toMatchObject({ skippedNoConsent: 1, skippedQuietHours: 1 });

    clock.advance(MORNING.getTime() - clock.now().getTime());
    await until(async () => (await job(`email:${eli.contactId}:trial-onboarding:1`))?.status === 'done' && (await api(`/campaigns/${campaign.id}`)).status === 'completed');
    await until(async () => (await job(`email:${dana.contactId}:trial-onboarding:1`))?.status === 'done');

    expect(await recipientOf(dana.contactId!)).toEqual({ status: 'skipped', reason: 'opted-out' });
    expect(await recipientOf(eli.contactId!)).toEqual({ status: 'sent', reason: null });
    expect((await api(`/campaigns/${campaign.id}`)).progress).toEqual({ total: 2, sent: 1, skippedNoConsent: 1, skippedQuietHours: 0, failed: 0, pending: 0 });
    expect(fake.sent.filter((m) => m.body === OFFER).map((m) => m.to)).toEqual([eli.phone]);
    expect(await job(`email:${dana.contactId}:trial-onboarding:1`)).toEqual({ status: 'done', last_error: 'no email marketing consent (revoked)' });
    expect(await job(`email:${eli.contactId}:trial-onboarding:1`)).toEqual({ status: 'done', last_error: null });
    expect(smtp.messages.map((m) => m.envelopeTo)).toEqual([[eli.email]]);

    // The export holds both events with their proof, chained
    const exported = await api(`/contacts/${dana.contactId}/export`);
    expect(exported.campaigns).toEqual([expect.objectContaining({ campaign_name: 'Night owl', address: dana.phone, status: 'skipped', reason: 'opted-out', provider_id: null })]);
    const smsGrant = exported.consent.find((e) => e.channel === 'sms' && e.action === 'grant');
    const revoke = exported.consent.find((e) => e.action === 'revoke');
    expect(smsGrant).toMatchObject({ purpose: 'marketing', evidence: { channel: 'sms', address: dana.phone, answer: 'YES', keyword: 'JOIN', method: 'double_opt_in', messageId: expect.stringMatching(/^SM/) } });
    expect(smsGrant!.disclosureText).toMatch(/^Acme Deals: reply YES to confirm/);
    expect(revoke).toMatchObject({ channel: 'all', purpose: 'marketing', source: 'plain-language', evidence: { channel: 'webchat', ip: expect.stringMatching(/127\.0\.0\.1/) } });
    expect(revoke!.evidence.text).toMatch(/please stop messaging me/);
    for (let i = 1; i < exported.consent.length; i++) expect(exported.consent[i].prevHash).toBe(exported.consent[i - 1].hash);
    expect(parley(['consent', 'verify'], { DATABASE_URL: `sqlite:${join(running.dataDir, 'parley.sqlite')}` })).toMatch(/ 0 broken chain\(s\)/);
  }, 60_000);
});
