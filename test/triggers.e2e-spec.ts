import type { SqlDatabase } from '@parley/persistence';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { answerInTurn, qualifiedEnterpriseAnswers } from './support/b2b-lead';
import { ChatClient } from './support/chat-client';

const TRIGGERS = `
triggers:
  - id: nurture-qualified
    on: { kind: lifecycle, to: sales_qualified }
    then: { start_sequence: b2b-nurture }
    data: { source: trigger }
`;

describe('flows/triggers.yaml: a lifecycle transition in a web chat enqueues its sequence in the turn', () => {
  let running: RunningApp;
  let flowsDir: string;

  beforeAll(async () => {
    flowsDir = mkdtempSync(join(tmpdir(), 'parley-flows-'));
    cpSync(join(__dirname, '../flows'), flowsDir, { recursive: true });
    writeFileSync(join(flowsDir, 'triggers.yaml'), TRIGGERS);
    running = await startApp({ FLOWS_DIR: flowsDir, ENTRY_FLOW: 'b2b-lead-qualification' });
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    rmSync(flowsDir, { recursive: true, force: true });
  });

  it('writes one followup.email_sequence row for the trigger when the lead becomes sales_qualified', async () => {
    const visitor = new ChatClient(running.url);
    try {
      await visitor.hello();
      await answerInTurn(visitor, qualifiedEnterpriseAnswers('Ana Lee', 'ana.lee@bigcorp.example'));
    } finally {
      visitor.close();
    }
    const sql = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
    const rows = await sql.all<{ type: string; payload: string; idempotency_key: string }>(`SELECT type, payload, idempotency_key FROM outbox_jobs WHERE idempotency_key LIKE 'trigger:%'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].type).toBe('followup.email_sequence');
    expect(rows[0].idempotency_key).toMatch(/^trigger:nurture-qualified:/);
    expect(JSON.parse(rows[0].payload)).toMatchObject({ target: 'b2b-nurture', contactId: expect.any(String), data: { source: 'trigger', trigger: 'nurture-qualified' } });
  });

  it('refuses to boot on an invalid triggers.yaml, naming the problem', async () => {
    writeFileSync(join(flowsDir, 'triggers.yaml'), 'triggers:\n  - id: x\n    on: { kind: campaign_reply }\n    then: { start_sequence: y }\n');
    await expect(startApp({ FLOWS_DIR: flowsDir })).rejects.toThrow(/triggers\.yaml: triggers\.0\.on/);
  });
});
