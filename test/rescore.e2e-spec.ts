import { newId } from '@parley/core';
import { SqlApiKeys, type SqlDatabase } from '@parley/persistence';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { ChatClient } from './support/chat-client';

const SEEDED = 12_000;

interface Run {
  id: string;
  status: string;
  done: number;
  total: number;
  changed: number;
  rulesVersion: number;
}

describe('changing the scoring rules re-scores everybody in the background, with progress, while chat goes on', () => {
  let running: RunningApp;
  let flowsDir: string;
  let key: string;
  let db: SqlDatabase;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${running.url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers } });

  beforeAll(async () => {
    flowsDir = mkdtempSync(join(tmpdir(), 'parley-flows-'));
    cpSync(join(__dirname, '../flows'), flowsDir, { recursive: true });
    running = await startApp({ FLOWS_DIR: flowsDir, ENTRY_FLOW: 'b2b-lead-qualification' });
    db = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
    key = (await new SqlApiKeys(db).create('marketer', 'marketer', new Date())).key;
    const at = new Date().toISOString();
    await db.transaction(async (tx) => {
      for (let i = 0; i < SEEDED; i++) {
        await tx.run('INSERT INTO contacts (id, attributes, created_at, updated_at) VALUES (?, ?, ?, ?)', [newId(), JSON.stringify({ companySize: i % 2 ? 'enterprise' : 'smb' }), at, at]);
      }
    });
  });
  afterAll(async () => {
    await running?.close();
    rmSync(flowsDir, { recursive: true, force: true });
  });

  it('puts new rules in force, reports progress to the end, and keeps answering a visitor meanwhile', async () => {
    const visitor = new ChatClient(running.url);
    try {
      const { conversationId } = await visitor.hello();
      const contactId = (await db.get<{ contact_id: string }>('SELECT contact_id FROM conversations WHERE id = ?', [conversationId]))!.contact_id;
      await visitor.nextText(/what's your name/i);
      await visitor.send('Ana Lee');
      await visitor.nextText(/work email/i);
      await visitor.send('ana@bigcorp.example');
      await visitor.nextText(/how many people/i);
      await visitor.send('1000+');
      await visitor.nextText(/help with most/i);

      const current = (await (await api('/scoring/rules')).json()) as { version: number; yaml: string };
      expect(current.version).toBe(1);
      const yaml = current.yaml.replace(/^version: 1$/m, 'version: 2').replace(/(id: size_enterprise\n(?:.*\n){2}\s+points: )25/, '$145');
      expect(yaml).not.toBe(current.yaml);
      expect((await api('/scoring/rules', { method: 'PUT', body: JSON.stringify({ yaml: current.yaml }) })).status).toBe(409);
      expect((await api('/scoring/rules', { method: 'PUT', body: JSON.stringify({ yaml: 'version: 3\nrules: nope' }) })).status).toBe(400);

      const accepted = await api('/scoring/rules', { method: 'PUT', body: JSON.stringify({ yaml }) });
      expect(accepted.status).toBe(202);
      const { rescore } = (await accepted.json()) as { rescore: Run };
      expect(rescore).toMatchObject({ status: 'running', rulesVersion: 2 });

      // chat is answered while the pass runs
      await visitor.send('Qualify and route leads');
      await visitor.nextText(/who decides/i);
      const during = (await (await api(`/scoring/rescores/${rescore.id}`)).json()) as Run;
      expect(during.status).toBe('running');
      expect(during.done).toBeLessThan(during.total);

      let run = during;
      const seen = new Set<number>([run.done]);
      while (run.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 100));
        run = (await (await api(`/scoring/rescores/${rescore.id}`)).json()) as Run;
        seen.add(run.done);
      }
      expect(run).toMatchObject({ status: 'done', total: SEEDED + 1, done: SEEDED + 1 });
      expect(run.changed).toBeGreaterThanOrEqual(SEEDED / 2 + 1);
      expect(seen.size).toBeGreaterThan(2); // progress moved in steps

      const score = (await (await api(`/contacts/${contactId}/score`)).json()) as { total: number; lifecycle: string; reasons: { ruleId: string; text: string }[] };
      expect(score).toMatchObject({ total: 60, lifecycle: 'mql' });
      expect(score.reasons).toContainEqual(expect.objectContaining({ ruleId: 'size_enterprise', text: '+45 rules v2: company size 1000+' }));
      const enterprise = (await db.get<{ id: string }>("SELECT id FROM contacts WHERE attributes LIKE '%enterprise%' AND id <> ? LIMIT 1", [contactId]))!.id;
      expect(await (await api(`/contacts/${enterprise}/score`)).json()).toMatchObject({ total: 45, lifecycle: 'lead' });
      expect(readFileSync(join(flowsDir, 'scoring.yaml'), 'utf8')).toBe(yaml);
    } finally {
      visitor.close();
    }
  });
});
