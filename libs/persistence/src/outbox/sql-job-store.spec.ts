import { testDatabaseTargets } from '@parley/testing';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';
import type { SqlDatabase } from '../sql/sql-database';
import { SqlJobStore } from './sql-job-store';

const targets = testDatabaseTargets();

const t0 = new Date('2026-01-01T00:00:00.000Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);

describe.each(targets)('SqlJobStore on %s', (_name, setup) => {
  let dataSource: DataSource;
  let sql: SqlDatabase;
  let store: SqlJobStore;
  let cleanup: () => Promise<void>;
  let n = 0;

  const insert = (type: string, runAt = t0) =>
    sql.run(
      `INSERT INTO outbox_jobs (id, type, payload, idempotency_key, status, attempts, run_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
      [`job-${++n}`, type, JSON.stringify({ n }), `key-${n}`, runAt.toISOString(), t0.toISOString(), t0.toISOString()],
    );

  beforeAll(async () => {
    const prepared = await setup();
    cleanup = prepared.cleanup;
    ({ dataSource, sql } = await openDatabase(prepared.target));
    store = new SqlJobStore(sql);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await cleanup();
  });
  beforeEach(() => sql.run('DELETE FROM outbox_jobs'));

  it('claims only due jobs of the given types, once, with a lease', async () => {
    await insert('followup.crm_push');
    await insert('score.event');
    await insert('followup.crm_push', plus(60_000));
    const claimed = await store.claim({ types: ['followup.crm_push'], limit: 10, now: t0, leaseMs: 1000 });
    expect(claimed.map((j) => [j.type, j.status, j.attempts, j.idempotencyKey, j.payload])).toEqual([['followup.crm_push', 'running', 1, `key-${n - 2}`, { n: n - 2 }]]);
    expect(claimed[0].lockedUntil).toEqual(plus(1000));
    expect(await store.claim({ types: ['followup.crm_push'], limit: 10, now: plus(500), leaseMs: 1000 })).toEqual([]);
    expect((await store.list({ status: 'pending', limit: 10, offset: 0 })).map((j) => j.type).sort()).toEqual(['followup.crm_push', 'score.event']);
  });

  it('hands an expired lease to the next claim, and ignores the outcome of the lost lease', async () => {
    await insert('crm.push');
    const [first] = await store.claim({ types: ['crm.push'], limit: 1, now: t0, leaseMs: 1000 });
    const [second] = await store.claim({ types: ['crm.push'], limit: 1, now: plus(1001), leaseMs: 1000 });
    expect(second).toMatchObject({ id: first.id, attempts: 2 });
    expect(await store.complete(first, plus(1100))).toBe(false);
    expect(await store.fail(second, { error: 'boom', retryAt: plus(5000), now: plus(1200) })).toBe(true);
    expect(await store.get(first.id)).toMatchObject({ status: 'failed', lastError: 'boom', runAt: plus(5000), lockedUntil: null });
    expect(await store.claim({ types: ['crm.push'], limit: 1, now: plus(4999), leaseMs: 1000 })).toEqual([]);
    const [third] = await store.claim({ types: ['crm.push'], limit: 1, now: plus(5000), leaseMs: 1000 });
    expect(await store.complete(third, plus(5100))).toBe(true);
    expect(await store.get(first.id)).toMatchObject({ status: 'done', attempts: 3 });
  });

  it('keeps the reason of a skipped job on the done row', async () => {
    await insert('email.step');
    const [job] = await store.claim({ types: ['email.step'], limit: 1, now: t0, leaseMs: 1000 });
    expect(await store.complete(job, plus(10), 'no email marketing consent (revoked)')).toBe(true);
    expect(await store.get(job.id)).toMatchObject({ status: 'done', lastError: 'no email marketing consent (revoked)' });
  });

  it('retries only failed and dead jobs, with a fresh attempt budget', async () => {
    await insert('crm.push');
    const [job] = await store.claim({ types: ['crm.push'], limit: 1, now: t0, leaseMs: 1000 });
    expect(await store.retry(job.id, t0)).toMatchObject({ retried: false });
    await store.fail(job, { error: '422', retryAt: null, now: t0 });
    expect((await store.list({ status: 'dead', limit: 5, offset: 0 })).map((j) => j.id)).toEqual([job.id]);
    expect(await store.retry(job.id, plus(10))).toMatchObject({ retried: true, job: { status: 'pending', attempts: 0, runAt: plus(10) } });
    expect(await store.retry('nope', t0)).toBeUndefined();
  });

  it('never gives one job to two concurrent claims', async () => {
    for (let i = 0; i < 60; i++) await insert('crm.push');
    const batches = await Promise.all(Array.from({ length: 6 }, () => store.claim({ types: ['crm.push'], limit: 15, now: t0, leaseMs: 1000 })));
    const ids = batches.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(60);
  });
});
