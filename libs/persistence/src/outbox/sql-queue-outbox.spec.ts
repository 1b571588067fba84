import { testDatabaseTargets } from '@parley/testing';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';
import type { SqlDatabase } from '../sql/sql-database';
import { SqlJobStore } from './sql-job-store';
import { SqlQueueOutbox } from './sql-queue-outbox';

const t0 = new Date('2026-01-01T00:00:00.000Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);

describe.each(testDatabaseTargets())('SqlQueueOutbox on %s', (_name, setup) => {
  let dataSource: DataSource;
  let sql: SqlDatabase;
  let outbox: SqlQueueOutbox;
  let store: SqlJobStore;
  let cleanup: () => Promise<void>;
  let n = 0;

  const insert = async (type: string, runAt = t0) => {
    const id = `job-${++n}`;
    await sql.run(
      `INSERT INTO outbox_jobs (id, type, payload, idempotency_key, status, attempts, run_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
      [id, type, '{}', `key-${n}`, runAt.toISOString(), t0.toISOString(), t0.toISOString()],
    );
    return id;
  };
  const relay = (now: Date) => outbox.relay({ types: ['crm.push'], limit: 10, now, leaseMs: 1000 }).then((rows) => rows.map((r) => r.id));

  beforeAll(async () => {
    const prepared = await setup();
    cleanup = prepared.cleanup;
    ({ dataSource, sql } = await openDatabase(prepared.target));
    outbox = new SqlQueueOutbox(sql);
    store = new SqlJobStore(sql);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await cleanup();
  });
  beforeEach(() => sql.run('DELETE FROM outbox_jobs'));

  it('relays due rows of the given types once per lease, counting no attempt', async () => {
    const due = await insert('crm.push');
    await insert('crm.push', plus(60_000));
    await insert('score.event');
    expect(await relay(t0)).toEqual([due]);
    expect(await relay(plus(500))).toEqual([]);
    expect(await relay(plus(1000))).toEqual([due]);
    expect(await store.get(due)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('counts a try on start, and relays a failed row only a lease after its retry was due', async () => {
    const id = await insert('crm.push');
    await relay(t0);
    const row = (await outbox.start(id, t0, 1000))!;
    expect(row).toMatchObject({ status: 'running', attempts: 1 });
    expect(await store.fail(row, { error: 'boom', retryAt: plus(100), now: t0 })).toBe(true);
    expect(await relay(plus(500))).toEqual([]);
    expect(await relay(plus(1100))).toEqual([id]);
    expect(await outbox.start(id, plus(1100), 1000)).toMatchObject({ attempts: 2 });
  });

  it('does not start a done or dead row again', async () => {
    const id = await insert('crm.push');
    const row = (await outbox.start(id, t0, 1000))!;
    await store.complete(row, t0);
    expect(await outbox.start(id, t0, 1000)).toBeUndefined();
    expect(await relay(plus(5000))).toEqual([]);
  });
});
