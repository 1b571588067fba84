import { newId } from '@parley/core';
import { consentLedger, type SqlDatabase } from '@parley/persistence';
import { FakeSmtp } from '@parley/testing';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { ChatClient } from './support/chat-client';

const POSTAL = 'Parley Inc., 12 Harbour Street, Bristol BS1 4QA, UK';

/** Step 2 follows step 1 after 3 s: long enough to unsubscribe in between, short enough for a test. */
const TEST_SEQUENCE = `
id: test-drip
list: newsletter
exit:
  - { attribute: lifecycleStage, equals: customer }
steps:
  - id: welcome
    subject: "Welcome, {{contact.name}}"
    html: "<p>Hello <b>{{contact.name}}</b>, your code is {{data.code}}.</p>"
    text: "Hello {{contact.name}}, your code is {{data.code}}."
  - id: follow-up
    delay: 3s
    subject: "Still there, {{contact.name}}?"
    html: "<p>Second step</p>"
    text: "Second step"
`;

describe('email sequences: consent-gated drip with RFC 8058 one-click unsubscribe', () => {
  let running: RunningApp;
  let sql: SqlDatabase;
  let smtp: FakeSmtp;
  let flowsDir: string;

  const job = (key: string) => sql.get<{ status: string; last_error: string | null }>('SELECT status, last_error FROM outbox_jobs WHERE idempotency_key = ?', [key]);
  const until = async (what: () => Promise<boolean>, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await what())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const grant = (contactId: string) =>
    sql.transaction((tx) =>
      consentLedger.append(tx, { contactId, channel: 'email', purpose: 'marketing', action: 'grant', source: 'widget', evidence: { ip: '203.0.113.9' }, actor: 'contact', at: new Date() }),
    );
  const contact = async (attributes: Record<string, unknown>, consent: boolean) => {
    const id = newId();
    const at = new Date().toISOString();
    await sql.run('INSERT INTO contacts (id, attributes, created_at, updated_at) VALUES (?, ?, ?, ?)', [id, JSON.stringify(attributes), at, at]);
    if (consent) await grant(id);
    return id;
  };
  /** What the engine writes for a flow's `followup` node of kind email_sequence (jobs-from-flow.ts). */
  const startSequence = async (contactId: string) => {
    const at = new Date().toISOString();
    const conversationId = newId();
    await sql.run(
      `INSERT INTO outbox_jobs (id, type, payload, idempotency_key, status, attempts, run_at, created_at, updated_at)
       VALUES (?, 'followup.email_sequence', ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
      [newId(), JSON.stringify({ contactId, conversationId, channel: 'webchat', target: 'test-drip', data: { code: 'SPRING10' } }), `followup:${conversationId}:1:0`, at, at, at],
    );
  };

  beforeAll(async () => {
    flowsDir = mkdtempSync(join(tmpdir(), 'parley-flows-'));
    cpSync(join(__dirname, '../flows'), flowsDir, { recursive: true });
    writeFileSync(join(flowsDir, 'sequences/test-drip.yaml'), TEST_SEQUENCE);
    smtp = new FakeSmtp();
    running = await startApp({
      FLOWS_DIR: flowsDir,
      SMTP_URL: await smtp.start(),
      EMAIL_FROM: 'Parley <hello@parley.test>',
      EMAIL_POSTAL_ADDRESS: POSTAL,
      UNSUBSCRIBE_SECRET: 'test-unsubscribe-secret',
      PUBLIC_BASE_URL: 'https://parley.test',
      JOBS_POLL_MS: '20',
      ENTRY_FLOW: 'b2b-lead-qualification',
    });
    sql = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await smtp?.stop();
    rmSync(flowsDir, { recursive: true, force: true });
  });

  it('sends step 1 only with consent; the one-click POST revokes consent and step 2 is never sent', async () => {
    const ana = await contact({ name: 'Ana', email: 'ana@example.com' }, true);
    const bob = await contact({ name: 'Bob', email: 'bob@example.com' }, false);
    await startSequence(ana);
    await startSequence(bob);

    await smtp.waitFor(1);
    const [mail] = smtp.messages;
    expect(mail.envelopeTo).toEqual(['ana@example.com']);
    expect(mail.parsed.subject).toBe('Welcome, Ana');
    expect(mail.parsed.text).toContain('Hello Ana, your code is SPRING10.');
    expect(mail.parsed.text).toContain(POSTAL);
    expect(mail.parsed.html).toContain('<p>Hello <b>Ana</b>, your code is SPRING10.</p>');
    expect(mail.parsed.html).toContain('12 Harbour Street');
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const links = /^<(https:\/\/parley\.test\/u\/([A-Za-z0-9_.-]+))>, <(mailto:hello@parley\.test\?subject=[^>]+)>$/.exec(mail.headers.get('list-unsubscribe') ?? '');
    expect(links).not.toBeNull();
    const token = links![2];

    // GET only asks; bad or altered tokens get a 400 page, never a 500
    const confirm = await fetch(`${running.url}/u/${token}`);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain(`<form method="post" action="/u/${token}">`);
    expect((await fetch(`${running.url}/u/not-a-token`)).status).toBe(400);
    const forged = `${Buffer.from(`${bob}:newsletter`).toString('base64url')}.${token.split('.')[1]}`;
    expect((await fetch(`${running.url}/u/${forged}`, { method: 'POST' })).status).toBe(400);
    expect(await consentLedger.of(sql, ana)).toHaveLength(1);

    // RFC 8058: what a mail client sends, no cookies, no login
    const oneClick = await fetch(`${running.url}/u/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('You are unsubscribed');
    const ledger = await consentLedger.of(sql, ana);
    expect(ledger.map((e) => [e.channel, e.purpose, e.action, e.source])).toEqual([
      ['email', 'marketing', 'grant', 'widget'],
      ['email', 'marketing', 'revoke', 'unsubscribe-link'],
    ]);
    expect(ledger[1].evidence).toMatchObject({ list: 'newsletter' });
    // a second click changes nothing
    expect((await fetch(`${running.url}/u/${token}`, { method: 'POST' })).status).toBe(200);
    expect(await consentLedger.of(sql, ana)).toHaveLength(2);

    await until(async () => (await job(`email:${ana}:test-drip:2`))?.status === 'done');
    expect(await job(`email:${ana}:test-drip:2`)).toEqual({ status: 'done', last_error: 'no email marketing consent (revoked)' });
    expect(await job(`email:${bob}:test-drip:1`)).toEqual({ status: 'done', last_error: 'no email marketing consent (unknown)' });
    expect(await job(`email:${bob}:test-drip:2`)).toBeUndefined();
    expect(await job(`email:${ana}:test-drip:3`)).toBeUndefined();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.to('bob@example.com')).toEqual([]);
  });

  it("starts from a flow's followup node: a self-serve lead in web chat gets the trial email, personalised", async () => {
    const visitor = new ChatClient(running.url);
    try {
      const { visitorId } = await visitor.hello();
      await visitor.nextText(/name/i);
      await visitor.send('Sam');
      await visitor.nextText(/email/i);
      const identity = await sql.get<{ contact_id: string }>("SELECT contact_id FROM channel_identities WHERE channel = 'webchat' AND address = ?", [visitorId]);
      await grant(identity!.contact_id);
      const answers: [RegExp, string][] = [
        [/how many people/i, "it's just me"],
        [/help with most/i, 'more leads please'],
        [/who decides/i, 'Just researching'],
        [/when are you hoping/i, 'Later'],
        [/budget/i, 'not really, no'],
      ];
      await visitor.send('sam@tinyshop.io');
      for (const [question, answer] of answers) {
        await visitor.nextText(question);
        await visitor.send(answer);
      }
      await until(async () => smtp.to('sam@tinyshop.io').length > 0);
    } finally {
      visitor.close();
    }
    const [mail] = smtp.to('sam@tinyshop.io');
    expect(mail.parsed.subject).toBe('Your Parley free trial');
    expect(mail.parsed.text).toContain('Hi Sam, start your trial here: https://parley.example/trial');
    expect(mail.headers.get('list-unsubscribe')).toMatch(/^<https:\/\/parley\.test\/u\/[^>]+>, <mailto:[^>]+>$/);
  });
});
