import { currentScore, parseScoringRules, segmentDefinitionSchema, type SegmentDefinition } from '@parley/scoring';
import { testDatabaseTargets } from '@parley/testing';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';
import type { SqlDatabase } from '../sql/sql-database';
import { SqlScoreLedger, type ScoreApplication } from './sql-score-ledger';
import { SqlSegments } from './sql-segments';

const rules = parseScoringRules(`
version: 1
decay: { behaviour: 30d }
lifecycle: { lead: 10, mql: 50, sql: 80 }
rules:
  - { id: pricing, type: behaviour, on: { kind: intent, intent: pricing }, points: 40, reason: asked for pricing, cap: { max: 40, period: 7d } }
  - { id: enterprise, type: fit, when: { attribute: companySize, equals: enterprise }, points: 45, reason: company size 1000+ }
`);
const segment = (id: string, filter: unknown) => ({ ...segmentDefinitionSchema.parse({ id, name: id, filter }), source: filter });
const DAY = 86_400_000;
const t0 = new Date('2026-03-02T10:00:00.000Z');

describe.each(testDatabaseTargets())('score ledger and segments on %s', (_name, setup) => {
  let dataSource: DataSource;
  let sql: SqlDatabase;
  let cleanup: () => Promise<void>;
  let segments: (SegmentDefinition & { source: unknown })[] = [];
  let ledger: SqlScoreLedger;
  let store: SqlSegments;
  let n = 0;

  const contact = async (attributes: Record<string, unknown>) => {
    const id = `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
    await sql.run('INSERT INTO contacts (id, attributes, created_at, updated_at) VALUES (?, ?, ?, ?)', [id, JSON.stringify(attributes), t0.toISOString(), t0.toISOString()]);
    return id;
  };
  const apply = (contactId: string, key: string, over: Partial<ScoreApplication>) =>
    ledger.apply({ sourceKey: key, contactId, conversationId: 'conv-1', channel: 'webchat', triggers: [], changedAttributes: [], message: false, at: t0, ...over });

  beforeAll(async () => {
    const prepared = await setup();
    cleanup = prepared.cleanup;
    ({ dataSource, sql } = await openDatabase(prepared.target));
    store = new SqlSegments(sql);
    ledger = new SqlScoreLedger(sql, {
      rules: () => rules,
      segments: () => segments,
      jobsOnTransition: (t, a) => (t.passed.includes('sql') ? [{ type: 'crm.push', payload: { contactId: a.contactId }, idempotencyKey: `lifecycle:sql:${a.contactId}`, runAt: a.at }] : []),
    });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await cleanup();
  });

  it('writes ledger lines once per job key, replays to the stored score, and enqueues the SQL jobs once', async () => {
    const id = await contact({ companySize: 'enterprise' });
    const first = await apply(id, 'k1', { triggers: [{ kind: 'answer', attribute: 'companySize', value: 'enterprise' }], changedAttributes: ['companySize'] });
    expect(first).toMatchObject({ applied: true, score: 45, stage: 'lead' });
    expect(await apply(id, 'k1', { triggers: [{ kind: 'intent', intent: 'pricing' }] })).toMatchObject({ applied: false });
    const second = await apply(id, 'k2', { triggers: [{ kind: 'intent', intent: 'pricing' }], at: new Date(t0.getTime() + 1000) });
    expect(second).toMatchObject({ score: 85, stage: 'sql', transition: { from: 'lead', to: 'sql' } });
    await apply(id, 'k3', { triggers: [{ kind: 'intent', intent: 'pricing' }], at: new Date(t0.getTime() + 2000) }); // capped: no line

    const later = new Date(t0.getTime() + 30 * DAY);
    const events = await ledger.ledger(id);
    expect(events.map((e) => [e.ruleId, e.points])).toEqual([
      ['enterprise', 45],
      ['pricing', 40],
    ]);
    expect((await ledger.standing(id, later)).score).toBeCloseTo(currentScore(events, rules, later), 2);
    expect((await ledger.standing(id, later)).score).toBeCloseTo(65, 1);
    expect(await sql.all("SELECT idempotency_key FROM outbox_jobs WHERE type = 'crm.push'")).toEqual([{ idempotency_key: `lifecycle:sql:${id}` }]);
  });

  it('keeps membership current per event, fills a new segment over every contact, and pages its members', async () => {
    segments = [segment('big', { attribute: 'companySize', equals: 'enterprise' }), segment('pricing-7d', { behaviour: { kind: 'intent', intent: 'pricing' }, within: '7d' })];
    for (const s of segments) expect(await store.create(s, s.source, t0)).toBe(true);
    expect(await store.create(segments[0], segments[0].source, t0)).toBe(false);
    const a = await contact({ companySize: 'smb' });
    const b = await contact({ companySize: 'enterprise' });
    await store.backfill(segments, rules, t0);
    expect(await store.segmentsOf(b)).toEqual(['big']);

    await sql.run('UPDATE contacts SET attributes = ? WHERE id = ?', [JSON.stringify({ companySize: 'enterprise' }), a]);
    expect(await apply(a, 'a1', { triggers: [{ kind: 'intent', intent: 'pricing' }, { kind: 'answer', attribute: 'companySize', value: 'enterprise' }], changedAttributes: ['companySize'] })).toMatchObject({
      joined: ['big', 'pricing-7d'],
      left: [],
    });
    const page = await store.members('big', 1, 0);
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.items).toHaveLength(1);
    expect(await store.memberIds('big')).toEqual(expect.arrayContaining([a, b]));

    // a week on, the sweep drops a member whose behaviour window closed, without any event of theirs
    const quiet = await contact({ companySize: 'smb' });
    await apply(quiet, 'q1', { triggers: [{ kind: 'intent', intent: 'pricing' }] });
    expect(await store.segmentsOf(quiet)).toEqual(['pricing-7d']);
    expect(await store.sweep(segments, rules, new Date(t0.getTime() + 6 * DAY))).toBe(0);
    expect(await store.sweep(segments, rules, new Date(t0.getTime() + 8 * DAY))).toBeGreaterThanOrEqual(1);
    expect(await store.segmentsOf(quiet)).toEqual([]);

    // the sweep took `a` out too; a new pricing question puts it back, per event
    expect(await store.segmentsOf(a)).toEqual(['big']);
    expect(await apply(a, 'a2', { triggers: [{ kind: 'email_opened' }], at: new Date(t0.getTime() + 8 * DAY) })).toMatchObject({ joined: [], left: [] });
    expect(await apply(a, 'a3', { triggers: [{ kind: 'intent', intent: 'pricing' }], at: new Date(t0.getTime() + 8 * DAY) })).toMatchObject({ joined: ['pricing-7d'] });
    expect(await apply(a, 'a4', { triggers: [{ kind: 'intent', intent: 'book_demo' }], at: new Date(t0.getTime() + 16 * DAY) })).toMatchObject({ left: ['pricing-7d'] });
    expect((await store.list()).map((s) => [s.id, s.members >= 1])).toEqual([
      ['big', true],
      ['pricing-7d', false],
    ]);
  });
});
