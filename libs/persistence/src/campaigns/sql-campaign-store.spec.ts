import { testDatabaseTargets } from '@parley/testing';
import type { Campaign } from '@parley/engine';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';
import type { SqlDatabase } from '../sql/sql-database';
import { SqlCampaignStore } from './sql-campaign-store';

const t0 = new Date('2026-01-01T12:00:00.000Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);
const id = (n: number) => `0190b6a4-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe.each(testDatabaseTargets())('SqlCampaignStore on %s', (_name, setup) => {
  let dataSource: DataSource;
  let sql: SqlDatabase;
  let store: SqlCampaignStore;
  let cleanup: () => Promise<void>;
  const campaign = (n: number): Campaign => ({
    id: id(n), name: `c${n}`, channel: 'sms', template: 'Hi {{name}}', audience: { contactIds: [] }, ratePerSecond: 2.5,
    status: 'running', createdBy: 'test', createdAt: t0, startAt: null, completedAt: null,
  });
  const members = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({ contactId: id(from + i), address: `+1212555${String(from + i).padStart(4, '0')}`, attributes: {} }));

  beforeAll(async () => {
    const prepared = await setup();
    cleanup = prepared.cleanup;
    ({ dataSource, sql } = await openDatabase(prepared.target));
    store = new SqlCampaignStore(sql);
    for (let i = 0; i < 3; i++) {
      await sql.run('INSERT INTO contacts (id, attributes, created_at, updated_at) VALUES (?, ?, ?, ?)', [id(100 + i), JSON.stringify({ name: `N${i}` }), t0.toISOString(), t0.toISOString()]);
    }
  });
  afterAll(async () => {
    await dataSource.destroy();
    await cleanup();
  });

  it('stores one recipient per contact (idempotency key), leases them in order, and counts progress exactly', async () => {
    const created = await store.create(campaign(1), [...members(100, 3), ...members(100, 1)]);
    expect(created.progress).toEqual({ total: 3, sent: 0, skippedNoConsent: 0, skippedQuietHours: 0, failed: 0, pending: 3 });
    expect(created.ratePerSecond).toBe(2.5);
    const first = await store.claimNext(id(1), t0, plus(1000));
    expect(first).toMatchObject({ contactId: id(100), template: 'Hi {{name}}', ratePerSecond: 2.5, attributes: { name: 'N0' } });
    const second = await store.claimNext(id(1), t0, plus(1000));
    const third = await store.claimNext(id(1), t0, plus(1000));
    expect(await store.claimNext(id(1), t0, plus(1000))).toBeUndefined();

    await store.settle(first!.id, { status: 'sent' }, t0);
    await store.settle(first!.id, { status: 'failed', error: 'late' }, t0);
    await store.hold(second!, plus(3_600_000), t0);
    const jobs = await sql.all<{ type: string; run_at: string | Date }>('SELECT type, run_at FROM outbox_jobs ORDER BY type');
    expect(jobs.map((j) => [j.type, new Date(j.run_at).toISOString()])).toEqual([
      ['campaign.held', plus(3_600_000).toISOString()],
      ['campaign.run', t0.toISOString()],
    ]);
    expect(await store.stranded(id(1), plus(999))).toEqual([]);
    await sql.run('UPDATE campaign_recipients SET provider_id = ? WHERE id = ?', ['SM123', third!.id]);
    expect(await store.stranded(id(1), plus(1000))).toEqual([{ id: third!.id, providerMessageId: 'SM123' }]);
    await store.settle(third!.id, { status: 'skipped', reason: 'opted-out' }, t0);
    expect(await store.completeIfDone(id(1), t0)).toBe(false);
    expect((await store.get(id(1)))!.progress).toEqual({ total: 3, sent: 1, skippedNoConsent: 1, skippedQuietHours: 1, failed: 0, pending: 0 });

    const again = await store.claimHeld(second!.id, plus(3_600_000), plus(3_601_000));
    expect(again?.id).toBe(second!.id);
    expect(await store.claimHeld(second!.id, plus(3_600_000), plus(3_601_000))).toBeUndefined();
    await store.settle(second!.id, { status: 'sent' }, plus(3_600_000));
    expect(await store.completeIfDone(id(1), plus(3_600_000))).toBe(true);
    expect((await store.list(10, 0)).map((c) => [c.id, c.status, c.progress.sent])).toEqual([[id(1), 'completed', 2]]);
  });
});
