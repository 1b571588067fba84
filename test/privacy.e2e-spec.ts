import Database from 'better-sqlite3';
import { join } from 'node:path';
import { verifyConsentChain, type ConsentRecord } from '@parley/consent';
import { SqlApiKeys, type SqlDatabase } from '@parley/persistence';
import { DATABASE } from '../apps/server/src/tokens';
import { FakeTwilio } from '@parley/testing';
import { answerInTurn, qualifiedEnterpriseAnswers } from './support/b2b-lead';
import { ChatClient } from './support/chat-client';
import { SmsPeer, TWILIO, twilioEnv } from './support/sms-peer';
import { startApp, type RunningApp } from './support/app';

const PERSON = { name: 'Zelda Marlowe', email: 'zelda.marlowe@privacy-test.example', phone: '+14155550199' };

/** Every text cell of every table that contains one of the needles, read from the schema so a new table cannot hide. */
function findPersonalData(db: Database.Database, needles: string[]): { table: string; column: string; value: string }[] {
  const hits: { table: string; column: string; value: string }[] = [];
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  for (const { name: table } of tables) {
    const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[];
    for (const { name: column } of columns) {
      const rows = db.prepare(`SELECT CAST("${column}" AS TEXT) AS value FROM "${table}" WHERE "${column}" IS NOT NULL`).all() as { value: string }[];
      for (const { value } of rows) {
        if (needles.some((n) => value.toLowerCase().includes(n.toLowerCase()))) hits.push({ table, column, value });
      }
    }
  }
  return hits;
}

describe('privacy rights: export and erasure of a contact', () => {
  const fake = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  let running: RunningApp;
  const peer = new SmsPeer(() => running.url, fake);
  const keys: Record<string, string> = {};
  const api = (path: string, role: string, method = 'GET') => fetch(`${running.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${keys[role]}` } });

  beforeAll(async () => {
    // A CRM nobody answers: the lead's push job stays pending (retrying), for the erasure to cancel.
    const { url } = await fake.start();
    running = await startApp({ ...twilioEnv(url), CRM_WEBHOOK_URL: 'http://127.0.0.1:9/crm', CRM_WEBHOOK_SECRET: 'privacy-test-secret', JOBS_BACKOFF_BASE_MS: '60000', ENTRY_FLOW: 'b2b-lead-qualification' });
    const apiKeys = new SqlApiKeys(running.app.get<{ sql: SqlDatabase }>(DATABASE).sql);
    for (const role of ['admin', 'marketer']) keys[role] = (await apiKeys.create(`${role}-key`, role as 'admin', new Date())).key;
  });
  afterAll(async () => {
    await running?.close();
    await fake.stop();
  });

  it('exports everything held on a web chat lead, erases it everywhere but the consent proof, and audits both', async () => {
    const visitor = new ChatClient(running.url);
    const hello = await visitor.hello();
    await answerInTurn(visitor, qualifiedEnterpriseAnswers(PERSON.name, PERSON.email));
    await visitor.send(`zxqv blorp, ring me on ${PERSON.phone}`);
    await new Promise((r) => setTimeout(r, 300));
    visitor.close();

    const db = new Database(join(running.dataDir, 'parley.sqlite'));
    const { contact_id: contactId } = db.prepare('SELECT contact_id FROM conversations WHERE id = ?').get(hello.conversationId) as { contact_id: string };

    // The lead flow routes every answer, so nothing lands in the misunderstood queue by itself: seed one for this conversation.
    db.prepare("INSERT INTO misunderstood_utterances (id, conversation_id, channel, text, guesses, created_at) VALUES (?, ?, 'webchat', ?, '[]', ?)").run(
      '0190b6a4-0000-7000-8000-0000000000aa', hello.conversationId, `call ${PERSON.phone} please`, new Date().toISOString(),
    );
    // Slack is off here: seed the card copy a handoff would have stored.
    db.prepare("INSERT INTO handoff_threads (conversation_id, request_key, slack_channel, slack_ts, card, updated_at) VALUES (?, 'k', 'C1', '1.2', ?, ?)").run(
      hello.conversationId, JSON.stringify({ name: PERSON.name, email: PERSON.email }), new Date().toISOString(),
    );
    expect((await api(`/contacts/${contactId}/export`, 'marketer')).status).toBe(403);
    expect((await api('/contacts/0190b6a4-0000-7000-8000-000000000000/export', 'admin')).status).toBe(404);
    expect((await api('/contacts/not-a-uuid/export', 'admin')).status).toBe(400);
    const exported = await api(`/contacts/${contactId}/export`, 'admin');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('cache-control')).toBe('no-store');
    const data = await exported.json();
    expect(data.contact).toMatchObject({ id: contactId, attributes: expect.objectContaining({ email: PERSON.email }) });
    expect(data.identities).toEqual([expect.objectContaining({ channel: 'webchat', address: hello.visitorId })]);
    const texts = data.conversations.flatMap((c: { messages: { text: string }[] }) => c.messages.map((m) => m.text));
    expect(texts).toEqual(expect.arrayContaining([PERSON.name, PERSON.email, expect.stringContaining(PERSON.phone)]));
    expect(JSON.stringify(data.jobs)).toContain(contactId);
    expect(data.handoffThreads).toEqual([expect.objectContaining({ card: { name: PERSON.name, email: PERSON.email } })]);
    expect(data.misunderstood).toEqual([expect.objectContaining({ text: `call ${PERSON.phone} please` })]);
    expect(Array.isArray(data.consent)).toBe(true);
    expect(data.scoring.ledger).toEqual(expect.arrayContaining([expect.objectContaining({ rule_id: 'size_enterprise', reason: 'company size 1000+' })]));
    expect(data.scoring.activity).toEqual(expect.arrayContaining([expect.objectContaining({ detail: { kind: 'answer', attribute: 'email', value: PERSON.email } })]));
    expect(findPersonalData(db, Object.values(PERSON)).length).toBeGreaterThan(0);

    expect((await api(`/contacts/${contactId}`, 'marketer', 'DELETE')).status).toBe(403);
    const erased = await api(`/contacts/${contactId}`, 'admin', 'DELETE');
    expect(erased.status).toBe(200);
    const result = await erased.json();
    expect(result.counts).toMatchObject({ identities: 1, conversations: 1, misunderstood: 1, handoffThreads: 1, messages: expect.any(Number) });
    expect(result.counts.messages).toBeGreaterThanOrEqual(8);
    expect(result.counts.jobsCancelled).toBeGreaterThan(0);

    const left = findPersonalData(db, Object.values(PERSON)).filter((hit) => hit.table !== 'consent_events');
    expect(left).toEqual([]);
    const pending = db.prepare("SELECT COUNT(*) AS n FROM outbox_jobs WHERE status = 'pending' AND payload LIKE ?").get(`%${contactId}%`) as { n: number };
    expect(pending.n).toBe(0);

    const ledger = (await (await api(`/contacts/${contactId}/consent`, 'admin')).json()).history as ConsentRecord[];
    const revived = ledger.map((r) => ({ ...r, at: new Date(r.at) }));
    expect(verifyConsentChain(revived)).toEqual({ ok: true });
    expect(revived[revived.length - 1]).toMatchObject({ channel: 'all', purpose: 'all', action: 'revoke', source: 'api', evidence: { erased: 'true' } });

    const audit = db.prepare('SELECT action, target FROM audit_events WHERE target = ? ORDER BY created_at').all(contactId);
    expect(audit).toEqual([
      { action: 'GET /api/v1/contacts/:id/export', target: contactId },
      { action: 'DELETE /api/v1/contacts/:id', target: contactId },
    ]);
    db.close();

    const back = new ChatClient(running.url);
    const resumed = await back.hello({ visitorId: hello.visitorId });
    expect(resumed.history.map((m) => m.text)).not.toContain(PERSON.name);
    back.close();
  }, 30_000);

  it('erases a texter: the phone number survives only in the consent ledger, whose chain still verifies', async () => {
    const phone = '+14155550142';
    await peer.text(phone, 'Hi', 1);
    await peer.text(phone, 'STOP', 1);
    await peer.post('/webhooks/twilio/sms', peer.inbound(phone, `this is ${PERSON.name}, ${PERSON.email}`));
    const db = new Database(join(running.dataDir, 'parley.sqlite'));
    const { contact_id: contactId } = db.prepare("SELECT contact_id FROM channel_identities WHERE channel = 'sms' AND address = ?").get(phone) as { contact_id: string };
    const data = await (await api(`/contacts/${contactId}/export`, 'admin')).json();
    expect(data.consent[0]).toMatchObject({ action: 'revoke', evidence: expect.objectContaining({ address: phone }) });

    expect((await api(`/contacts/${contactId}`, 'admin', 'DELETE')).status).toBe(200);
    const hits = findPersonalData(db, [phone, PERSON.email]);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.filter((hit) => hit.table !== 'consent_events')).toEqual([]);
    const ledger = ((await (await api(`/contacts/${contactId}/consent`, 'admin')).json()).history as ConsentRecord[]).map((r) => ({ ...r, at: new Date(r.at) }));
    expect(verifyConsentChain(ledger)).toEqual({ ok: true });
    expect(ledger.map((r) => `${r.action}:${r.channel}:${r.source}`)).toEqual(['revoke:sms:keyword', 'revoke:all:api']);
    db.close();
  }, 30_000);
});
