import { newId } from '@parley/core';
import { openDatabase, SqlScoreLedger, SqlSegments, recheckSegments, type SqlDatabase } from '@parley/persistence';
import { loadScoringRules, segmentsToRecheck } from '@parley/scoring';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchSegments, contactAttributes, prng, randomEvent, type BenchEvent } from './segments-fixture';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const CONTACTS = Number(arg('contacts', '100000'));
const EVENTS = Number(arg('events', '3000'));
const fromDist = resolve(__dirname, '../../..');
const root = existsSync(join(fromDist, 'flows')) ? fromDist : process.cwd();

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return { mean: ms.reduce((s, x) => s + x, 0) / ms.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}
const fmt = (x: number) => x.toFixed(3);

async function seedContacts(sql: SqlDatabase, random: () => number): Promise<string[]> {
  const ids: string[] = [];
  const at = new Date().toISOString();
  for (let start = 0; start < CONTACTS; start += 5000) {
    await sql.transaction(async (tx) => {
      for (let i = start; i < Math.min(CONTACTS, start + 5000); i++) {
        const id = newId();
        ids.push(id);
        await tx.run('INSERT INTO contacts (id, attributes, created_at, updated_at) VALUES (?, ?, ?, ?)', [id, JSON.stringify(contactAttributes(random)), at, at]);
        await tx.run('INSERT INTO channel_identities (id, contact_id, channel, address, created_at) VALUES (?, ?, ?, ?, ?)', [newId(), id, random() < 0.3 ? 'sms' : 'webchat', `addr-${i}`, at]);
      }
    });
  }
  return ids;
}

/** Times `work` once per event, sequentially (each its own transaction, as a turn's job is). */
async function timeEach(events: { contactId: string; event: BenchEvent }[], work: (contactId: string, event: BenchEvent, i: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (const [i, { contactId, event }] of events.entries()) {
    const t = process.hrtime.bigint();
    await work(contactId, event, i);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return summary(ms);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-segments-'));
  const { dataSource, sql } = await openDatabase({ dialect: 'sqlite', location: join(dir, 'bench.sqlite') });
  try {
    const random = prng(42);
    const rules = loadScoringRules(join(root, 'flows', 'scoring.yaml'));
    const segments = benchSegments();
    const definitions = segments.map((s) => s.definition);
    const store = new SqlSegments(sql);
    for (const s of segments) await store.create(s.definition, s.source, new Date());
    let t = Date.now();
    const ids = await seedContacts(sql, random);
    console.log(`seeded ${ids.length} contacts in ${((Date.now() - t) / 1000).toFixed(1)} s; filling ${definitions.length} segments…`);
    t = Date.now();
    await store.backfill(definitions, rules, new Date());
    const filled = await store.list();
    console.log(`filled in ${((Date.now() - t) / 1000).toFixed(1)} s: ${filled.reduce((s, x) => s + x.members, 0)} memberships`);

    const ledger = new SqlScoreLedger(sql, { rules: () => rules, segments: () => definitions, jobsOnTransition: () => [] });
    const events = Array.from({ length: EVENTS }, () => ({ contactId: ids[Math.floor(random() * ids.length)], event: randomEvent(random) }));
    const warm = events.slice(0, 200);
    const setAttributes = async (contactId: string, event: BenchEvent) => {
      if (event.attributes) await sql.run('UPDATE contacts SET attributes = ? WHERE id = ?', [JSON.stringify({ ...contactAttributes(random), ...event.attributes }), contactId]);
    };

    // Baseline: the bare durable write of one row per event, in its own transaction.
    const baselineRun = (offset: number) => (contactId: string, event: BenchEvent, i: number) =>
      sql.transaction((tx) => tx.run('INSERT INTO contact_activity (id, contact_id, kind, detail, at) VALUES (?, ?, ?, ?, ?)', [`b${offset}-${i}`, contactId, event.triggers[0].kind, JSON.stringify(event.triggers[0]), new Date().toISOString()]));
    // Membership only: the segments this event can affect, re-checked for its contact.
    const membershipRun = (contactId: string, event: BenchEvent) => {
      const ids = new Set(segmentsToRecheck({ triggers: event.triggers, attributes: Object.keys(event.attributes ?? {}), scoreChanged: true, lifecycleChanged: false, message: true }, definitions));
      return sql.transaction((tx) => recheckSegments(tx, contactId, definitions.filter((d) => ids.has(d.id)), rules, new Date()));
    };
    // The whole score job: ledger lines, activity, standing, lifecycle and membership.
    let key = 0;
    const fullRun = async (contactId: string, event: BenchEvent) => {
      await setAttributes(contactId, event);
      return ledger.apply({ sourceKey: `bench:${++key}`, contactId, triggers: event.triggers, changedAttributes: Object.keys(event.attributes ?? {}), message: true, at: new Date() });
    };

    await timeEach(warm, baselineRun(0));
    await timeEach(warm, membershipRun);
    await timeEach(warm, fullRun);
    const baseline = await timeEach(events, baselineRun(1));
    const membership = await timeEach(events, membershipRun);
    const full = await timeEach(events, fullRun);
    const affected = summary(events.map(({ event }) => segmentsToRecheck({ triggers: event.triggers, attributes: Object.keys(event.attributes ?? {}), scoreChanged: true, lifecycleChanged: false, message: true }, definitions).length)).mean;

    console.log(`\nSQLite file, ${ids.length} contacts, ${definitions.length} segments, ${EVENTS} events on random contacts (${affected.toFixed(1)} segments re-checked per event on average)`);
    console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}\n`);
    console.log('| per event (ms) | mean | p50 | p99 | × baseline (mean) |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(`| baseline: one raw INSERT in its own transaction | ${fmt(baseline.mean)} | ${fmt(baseline.p50)} | ${fmt(baseline.p99)} | 1.0 |`);
    console.log(`| membership update (facts read, affected segments re-checked, rows written) | ${fmt(membership.mean)} | ${fmt(membership.p50)} | ${fmt(membership.p99)} | ${(membership.mean / baseline.mean).toFixed(1)} |`);
    console.log(`| whole score job (ledger, activity, standing, membership) | ${fmt(full.mean)} | ${fmt(full.p50)} | ${fmt(full.p99)} | ${(full.mean / baseline.mean).toFixed(1)} |`);
    console.log(`\ntarget ≤ 2 ms per event for the membership update: ${membership.mean <= 2 ? 'met' : 'NOT met'}`);
  } finally {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
