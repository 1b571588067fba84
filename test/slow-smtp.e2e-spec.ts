import { newId } from '@parley/core';
import { consentLedger, type SqlDatabase } from '@parley/persistence';
import { FakeSmtp } from '@parley/testing';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { ChatClient } from './support/chat-client';

const SMTP_LATENCY_MS = 2_000;
const CONTACTS = 10;
const SEQUENCE = `
id: slow-drip
list: newsletter
steps:
  - id: welcome
    subject: "Welcome, {{contact.name}}"
    text: "Hello {{contact.name}}."
    html: "<p>Hello {{contact.name}}.</p>"
`;

describe('a slow SMTP server (2 s per message)', () => {
  let running: RunningApp;
  let sql: SqlDatabase;
  const smtp = new FakeSmtp(SMTP_LATENCY_MS);
  const flowsDir = mkdtempSync(join(tmpdir(), 'parley-slow-smtp-'));

  beforeAll(async () => {
    cpSync(join(__dirname, '../flows'), flowsDir, { recursive: true });
    writeFileSync(join(flowsDir, 'sequences/slow-drip.yaml'), SEQUENCE);
    running = await startApp({
      FLOWS_DIR: flowsDir,
      SMTP_URL: await smtp.start(),
      EMAIL_FROM: 'Parley <hello@parley.test>',
      EMAIL_POSTAL_ADDRESS: 'Parley Inc., 12 Harbour Street, Bristol',
      UNSUBSCRIBE_SECRET: 'test-unsubscribe-secret',
      PUBLIC_BASE_URL: 'https://parley.test',
      JOBS_POLL_MS: '20',
    });
    sql = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await smtp.stop();
    rmSync(flowsDir, { recursive: true, force: true });
  });

  it('sends every email once while web chat replies stay fast', async () => {
    const at = new Date().toISOString();
    for (let i = 0; i < CONTACTS; i++) {
      const contactId = newId();
      await sql.run('INSERT INTO contacts (id, attributes, created_at, updated_at) VALUES (?, ?, ?, ?)', [contactId, JSON.stringify({ name: `Reader ${i}`, email: `reader${i}@example.com` }), at, at]);
      await sql.transaction((tx) =>
        consentLedger.append(tx, { contactId, channel: 'email', purpose: 'marketing', action: 'grant', source: 'widget', evidence: { ip: '203.0.113.9' }, actor: 'contact', at: new Date() }),
      );
      await sql.run(
        `INSERT INTO outbox_jobs (id, type, payload, idempotency_key, status, attempts, run_at, created_at, updated_at) VALUES (?, 'followup.email_sequence', ?, ?, 'pending', 0, ?, ?, ?)`,
        [newId(), JSON.stringify({ contactId, conversationId: newId(), channel: 'webchat', target: 'slow-drip', data: {} }), `followup:slow:${i}`, at, at, at],
      );
    }

    // while the mail server keeps every job waiting, a visitor chats
    const visitor = new ChatClient(running.url);
    try {
      await visitor.hello();
      await visitor.nextText(/what's your name/i);
      const started = Date.now();
      await visitor.send('Slow Mail');
      await visitor.nextText(/Nice to meet you, Slow Mail/);
      expect(Date.now() - started).toBeLessThan(SMTP_LATENCY_MS / 2);
      expect(smtp.messages.length).toBeLessThan(CONTACTS);
    } finally {
      visitor.close();
    }

    await smtp.waitFor(CONTACTS, 20_000);
    const deadline = Date.now() + 10_000;
    const notDone = async () => (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox_jobs WHERE type = 'followup.email_sequence' AND status <> 'done'`))!.n;
    while (Number(await notDone()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(Number(await notDone())).toBe(0);
    await new Promise((r) => setTimeout(r, SMTP_LATENCY_MS));
    const recipients = smtp.messages.flatMap((m) => m.envelopeTo).sort();
    expect(recipients).toEqual(Array.from({ length: CONTACTS }, (_, i) => `reader${i}@example.com`).sort());
  }, 60_000);
});
