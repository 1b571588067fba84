import { newId } from '@parley/core';
import { SqlApiKeys, type SqlDatabase } from '@parley/persistence';
import { FakeWebhookReceiver } from '@parley/testing';
import { join } from 'node:path';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { answerInTurn, qualifiedEnterpriseAnswers } from './support/b2b-lead';
import { ChatClient } from './support/chat-client';
import { parley } from './support/cli';
import { countKeys, dropKeys } from './support/redis-keys';
import { buildIfStale } from './support/spawn-app';

const SECRET = 'crm-shared-secret';

interface JobView {
  id: string;
  type: string;
  status: string;
  attempts: number;
  idempotencyKey: string;
  lastError: string | null;
}

/** The db driver always; the bullmq driver too when a Redis is given, under a key prefix of its own. */
const drivers: [string, Record<string, string>][] = [['db', {}]];
if (process.env.TEST_REDIS_URL) drivers.push(['bullmq', { REDIS_URL: process.env.TEST_REDIS_URL, JOBS_QUEUE_PREFIX: `parley-e2e-${process.pid}-${Date.now()}` }]);

describe.each(drivers)('follow-up jobs (%s driver): signed CRM webhooks, retries, dead letters and replay', (_driver, driverEnv) => {
  let running: RunningApp;
  let sql: SqlDatabase;
  let receiver: FakeWebhookReceiver;
  let keys: Record<'admin' | 'readonly' | 'sales', string>;

  /** What the engine writes in a turn's transaction (sql-conversation-store.ts). */
  const enqueue = async (type: string, payload: Record<string, unknown> = {}) => {
    const id = newId();
    const at = new Date().toISOString();
    await sql.run(
      `INSERT INTO outbox_jobs (id, type, payload, idempotency_key, status, attempts, run_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
      [id, type, JSON.stringify(payload), `followup:conv-${id}:1:0`, at, at, at],
    );
    return id;
  };
  const api = async (path: string, key: string, method = 'GET') => {
    const response = await fetch(`${running.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${key}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const job = async (id: string) => (await sql.get<{ status: string; attempts: number; last_error: string | null }>('SELECT status, attempts, last_error FROM outbox_jobs WHERE id = ?', [id]))!;
  const until = async (what: () => Promise<boolean>, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await what())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  beforeAll(async () => {
    buildIfStale();
    receiver = new FakeWebhookReceiver(SECRET);
    const url = await receiver.start();
    running = await startApp({
      CRM_WEBHOOK_URL: url,
      CRM_WEBHOOK_SECRET: SECRET,
      JOBS_POLL_MS: '20',
      JOBS_BACKOFF_BASE_MS: '20',
      JOBS_BACKOFF_MAX_MS: '100',
      JOBS_MAX_ATTEMPTS: '6',
      ENTRY_FLOW: 'b2b-lead-qualification',
      ...driverEnv,
    });
    sql = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
    const apiKeys = new SqlApiKeys(sql);
    keys = {
      admin: (await apiKeys.create('admin', 'admin', new Date())).key,
      readonly: (await apiKeys.create('ro', 'readonly', new Date())).key,
      sales: (await apiKeys.create('sales', 'sales', new Date())).key,
    };
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    await receiver?.stop();
    if (driverEnv.REDIS_URL) await dropKeys(driverEnv.REDIS_URL, driverEnv.JOBS_QUEUE_PREFIX);
  });

  it('retries 5xx with backoff and delivers each job exactly once, signed, with its idempotency key', async () => {
    receiver.failNext(3);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await enqueue(i % 2 ? 'followup.webhook' : 'followup.crm_push', { n: i, email: `lead${i}@example.com` }));
    const waiting = await enqueue('experiment.assigned', { experiment: 'greeting', arm: 'b' });
    await receiver.waitForAccepted(5);
    await until(async () => (await Promise.all(ids.map(job))).every((j) => j.status === 'done'));

    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
    expect(receiver.requests.filter((r) => r.status === 500)).toHaveLength(3);
    expect([...receiver.accepted.values()]).toEqual([1, 1, 1, 1, 1]);
    const rows = await Promise.all(ids.map(job));
    expect(rows.reduce((sum, r) => sum + r.attempts, 0)).toBe(8);
    const keysSent = new Set(receiver.requests.map((r) => r.deliveryId));
    expect(keysSent).toEqual(new Set(ids.map((id) => `followup:conv-${id}:1:0`)));
    expect(receiver.requests.find((r) => r.status === 200)!.body).toMatchObject({ idempotencyKey: expect.stringMatching(/^followup:/), payload: { email: expect.any(String) } });
    // no handler for experiment.assigned yet: untouched, not failed, not consumed
    expect(await job(waiting)).toEqual({ status: 'pending', attempts: 0, last_error: null });
    if (driverEnv.REDIS_URL) expect(await countKeys(driverEnv.REDIS_URL, driverEnv.JOBS_QUEUE_PREFIX)).toBeGreaterThan(0); // they went through BullMQ
  });

  it('sends a 4xx straight to dead; the API lists it and a replay from the CLI or the API delivers it once', async () => {
    receiver.refuse(422);
    const viaCli = await enqueue('followup.crm_push', { n: 'cli' });
    const viaApi = await enqueue('crm.push', { n: 'api' });
    await until(async () => (await job(viaCli)).status === 'dead' && (await job(viaApi)).status === 'dead');
    expect(await job(viaCli)).toMatchObject({ attempts: 1, last_error: expect.stringContaining('422') });

    const listed = await api('/jobs?status=dead', keys.readonly);
    expect(listed.status).toBe(200);
    expect((listed.body.items as JobView[]).map((j) => j.id).sort()).toEqual([viaCli, viaApi].sort());
    expect((await api(`/jobs/${viaApi}/retry`, keys.readonly, 'POST')).status).toBe(403);
    expect((await api('/jobs?status=nonsense', keys.admin)).status).toBe(400);
    expect((await api('/jobs', keys.sales)).status).toBe(403);

    receiver.refuse(undefined);
    const env = { DATABASE_URL: `sqlite:${join(running.dataDir, 'parley.sqlite')}` };
    const failedList = parley(['jobs', 'list', '--failed', '--json'], env).trim().split('\n').map((l) => JSON.parse(l) as JobView);
    expect(failedList.map((j) => j.id).sort()).toEqual([viaCli, viaApi].sort());
    expect(parley(['jobs', 'retry', viaCli], env)).toContain('pending again');
    const retried = await api(`/jobs/${viaApi}/retry`, keys.admin, 'POST');
    expect(retried).toMatchObject({ status: 201, body: { id: viaApi, status: 'pending', attempts: 0 } });

    await until(async () => (await job(viaCli)).status === 'done' && (await job(viaApi)).status === 'done');
    expect(receiver.accepted.get(`followup:conv-${viaCli}:1:0`)).toBe(1);
    expect(receiver.accepted.get(`followup:conv-${viaApi}:1:0`)).toBe(1);
    expect((await api(`/jobs/${viaApi}/retry`, keys.admin, 'POST')).status).toBe(409);
    const audit = await sql.all<{ action: string; target: string }>('SELECT action, target FROM audit_events ORDER BY created_at');
    expect(audit).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'jobs.retry', target: viaCli }),
      expect.objectContaining({ action: 'POST /api/v1/jobs/:id/retry', target: viaApi }),
    ]));
  });

  it('pushes a lead qualified in a web chat to the CRM, with the flow data, once', async () => {
    const visitor = new ChatClient(running.url);
    try {
      await visitor.hello();
      await answerInTurn(visitor, qualifiedEnterpriseAnswers('Ana Lee', 'ana.lee@bigcorp.example'));
      await until(async () => receiver.requests.some((r) => (r.body as { type?: string }).type === 'followup.crm_push' && r.status === 200 && JSON.stringify(r.body).includes('sales_qualified')));
    } finally {
      visitor.close();
    }
    const pushes = receiver.requests.filter((r) => JSON.stringify(r.body).includes('sales_qualified'));
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ signatureValid: true, deliveryId: expect.stringMatching(/^followup:/), body: { payload: { target: 'hubspot', data: { stage: 'sales_qualified', need: 'lead_routing' } } } });
  });
});
