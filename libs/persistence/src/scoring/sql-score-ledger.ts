import { newId } from '@parley/core';
import {
  foldScore,
  longestBehaviourWindow,
  matchesSegment,
  rescore,
  roundScore,
  scoreTriggers,
  segmentsToRecheck,
  snapshotScore,
  type LifecycleStage,
  type LifecycleTransition,
  type ScoreEvent,
  type ScoreTrigger,
  type ScoringRules,
  type SegmentDefinition,
} from '@parley/scoring';
import type { SqlDatabase, SqlTx } from '../sql/sql-database';
import { loadContactFacts } from './contact-facts-query';
import { SCORE_EVENT_COLUMNS, toActivity, toScoreEvent, toSnapshot, toStage, type ContactScoreRow, type ScoreEventRow } from './score-rows';
import { jsonObject } from '../sql/json-object';

/** One score job: the triggers of a turn (or of a flow `score` node) for one contact. */
export interface ScoreApplication {
  /** The outbox job's idempotency key: a job applied once is never applied again. */
  sourceKey: string;
  contactId: string;
  conversationId?: string;
  channel?: string;
  triggers: ScoreTrigger[];
  /** Names of attributes the turn changed (segments on attributes are re-checked). */
  changedAttributes: string[];
  /** A message came in (segments on channels are re-checked). */
  message: boolean;
  at: Date;
}

export interface AppliedScore {
  applied: boolean;
  events: ScoreEvent[];
  score: number;
  stage?: LifecycleStage;
  transition?: LifecycleTransition;
  joined: string[];
  left: string[];
}

export interface JobRow {
  type: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  runAt: Date;
}

export interface ScoreLedgerSetup {
  rules(): ScoringRules;
  segments(): readonly SegmentDefinition[];
  /** Outbox jobs a lifecycle transition starts (handoff, CRM push); their keys make each happen once. */
  jobsOnTransition(transition: LifecycleTransition, application: ScoreApplication): JobRow[];
}

const NOT_APPLIED: AppliedScore = { applied: false, events: [], score: 0, joined: [], left: [] };

/**
 * The score ledger on SQL: applies score jobs (ledger lines, activity, standing, lifecycle jobs and
 * segment membership) in one transaction, and reads a contact's ledger and standing back.
 */
export class SqlScoreLedger {
  constructor(
    private readonly db: SqlDatabase,
    private readonly setup: ScoreLedgerSetup,
  ) {}

  apply(application: ScoreApplication): Promise<AppliedScore> {
    return this.db.transaction((tx) => this.applyIn(tx, application));
  }

  async ledger(contactId: string): Promise<ScoreEvent[]> {
    const rows = await this.db.all<ScoreEventRow>(`SELECT ${SCORE_EVENT_COLUMNS} FROM score_events WHERE contact_id = ? ORDER BY seq`, [contactId]);
    return rows.map(toScoreEvent);
  }

  /** Rule score decayed to `now` (undefined before the first score job) and lifecycle stage. */
  async standing(contactId: string, now: Date): Promise<{ score?: number; lifecycle?: LifecycleStage }> {
    const row = await this.db.get<ContactScoreRow>('SELECT score, lifecycle, snapshot FROM contact_scores WHERE contact_id = ?', [contactId]);
    if (!row) return {};
    return { score: roundScore(snapshotScore(toSnapshot(row.snapshot), this.setup.rules(), now)), lifecycle: toStage(row) };
  }

  /** Brings one contact's score to the current rules (appended `rules v<N>` lines); false when nothing changed. */
  rescore(contactId: string, at: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const contact = await tx.get<{ attributes: string }>('SELECT attributes FROM contacts WHERE id = ?', [contactId]);
      if (!contact) return false;
      const rules = this.setup.rules();
      const iso = at.toISOString();
      const ledger = (await tx.all<ScoreEventRow>(`SELECT ${SCORE_EVENT_COLUMNS} FROM score_events WHERE contact_id = ? ORDER BY seq`, [contactId])).map(toScoreEvent);
      const activity = (await tx.all<{ detail: string; at: string }>('SELECT detail, at FROM contact_activity WHERE contact_id = ? ORDER BY at', [contactId])).map(toActivity);
      const before = await tx.get<ContactScoreRow>('SELECT score, lifecycle, snapshot FROM contact_scores WHERE contact_id = ?', [contactId]);
      const outcome = rescore(activity, { id: contactId, attributes: jsonObject(contact.attributes) }, rules, ledger, toStage(before), at);
      if (!outcome.adjustments.length && before) return false;
      await this.insertLines(tx, contactId, ledger.length, outcome.adjustments, `rescore:v${rules.version}`);
      const all = [...ledger, ...outcome.adjustments].sort((a, b) => a.at.getTime() - b.at.getTime());
      await this.saveStanding(tx, contactId, outcome.score, outcome.stage, foldScore(undefined, all, rules), iso);
      const application: ScoreApplication = { sourceKey: `rescore:v${rules.version}:${contactId}`, contactId, triggers: [], changedAttributes: [], message: false, at };
      if (outcome.transition) await this.enqueue(tx, this.setup.jobsOnTransition(outcome.transition, application), iso);
      await this.refreshMembership(tx, application, true, outcome.transition !== undefined, rules);
      return true;
    });
  }

  /** Contact ids in id order after `afterId`, for a walk over everybody. */
  async contactIds(afterId: string, limit: number): Promise<string[]> {
    return (await this.db.all<{ id: string }>('SELECT id FROM contacts WHERE id > ? ORDER BY id LIMIT ?', [afterId, limit])).map((r) => r.id);
  }

  async contactCount(): Promise<number> {
    return Number((await this.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM contacts'))?.n ?? 0);
  }

  private async insertLines(tx: SqlTx, contactId: string, firstSeq: number, events: readonly ScoreEvent[], sourceKey: string): Promise<void> {
    for (const [i, e] of events.entries()) {
      await tx.run(
        `INSERT INTO score_events (id, contact_id, seq, rule_id, points, reason, kind, reversal, rules_version, source_key, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [newId(), contactId, firstSeq + i, e.ruleId, e.points, e.reason, e.kind, e.reversal ? 1 : 0, e.rulesVersion, sourceKey, e.at.toISOString()],
      );
    }
  }

  private async saveStanding(tx: SqlTx, contactId: string, score: number, stage: LifecycleStage, snapshot: unknown, iso: string): Promise<void> {
    await tx.run(
      `INSERT INTO contact_scores (contact_id, score, lifecycle, snapshot, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (contact_id) DO UPDATE SET score = excluded.score, lifecycle = excluded.lifecycle, snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
      [contactId, score, stage, JSON.stringify(snapshot), iso],
    );
  }

  private async enqueue(tx: SqlTx, jobs: readonly JobRow[], iso: string): Promise<void> {
    for (const job of jobs) {
      await tx.run(
        `INSERT INTO outbox_jobs (id, type, payload, idempotency_key, status, attempts, run_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
        [newId(), job.type, JSON.stringify(job.payload), job.idempotencyKey, job.runAt.toISOString(), iso, iso],
      );
    }
  }

  private async applyIn(tx: SqlTx, application: ScoreApplication): Promise<AppliedScore> {
    const { contactId, at, sourceKey } = application;
    const iso = at.toISOString();
    if (!(await tx.run('INSERT INTO score_jobs_applied (source_key, at) VALUES (?, ?) ON CONFLICT (source_key) DO NOTHING', [sourceKey, iso]))) return NOT_APPLIED;
    // applied here (inline, after the turn): its outbox row needs no worker; one already claimed runs as a no-op
    await tx.run("UPDATE outbox_jobs SET status = 'done', updated_at = ? WHERE idempotency_key = ? AND status = 'pending'", [iso, sourceKey]);
    const contact = await tx.get<{ attributes: string }>('SELECT attributes FROM contacts WHERE id = ?', [contactId]);
    if (!contact) return NOT_APPLIED;
    const rules = this.setup.rules();
    const history = (await tx.all<ScoreEventRow>(`SELECT ${SCORE_EVENT_COLUMNS} FROM score_events WHERE contact_id = ? ORDER BY seq`, [contactId])).map(toScoreEvent);
    const before = await tx.get<ContactScoreRow>('SELECT score, lifecycle, snapshot FROM contact_scores WHERE contact_id = ?', [contactId]);
    const outcome = scoreTriggers(application.triggers, { id: contactId, attributes: jsonObject(contact.attributes) }, rules, history, toStage(before), at);
    await this.insertLines(tx, contactId, history.length, outcome.events, sourceKey);
    for (const trigger of application.triggers) {
      await tx.run('INSERT INTO contact_activity (id, contact_id, kind, detail, at) VALUES (?, ?, ?, ?, ?)', [newId(), contactId, trigger.kind, JSON.stringify(trigger), iso]);
    }
    // a job the worker ran late may be older than lines already there: fold in time order
    const snapshot = foldScore(undefined, [...history, ...outcome.events].sort((a, b) => a.at.getTime() - b.at.getTime()), rules);
    await this.saveStanding(tx, contactId, outcome.score, outcome.stage, snapshot, iso);
    if (outcome.transition) await this.enqueue(tx, this.setup.jobsOnTransition(outcome.transition, application), iso);
    const membership = await this.refreshMembership(tx, application, outcome.events.length > 0, outcome.transition !== undefined || !before, rules);
    return { applied: true, events: outcome.events, score: outcome.score, stage: outcome.stage, ...(outcome.transition ? { transition: outcome.transition } : {}), ...membership };
  }

  /** Re-checks only the segments this change can affect. */
  private async refreshMembership(tx: SqlTx, application: ScoreApplication, scoreChanged: boolean, lifecycleChanged: boolean, rules: ScoringRules) {
    const all = this.setup.segments();
    const ids = segmentsToRecheck(
      { triggers: application.triggers, attributes: application.changedAttributes, scoreChanged, lifecycleChanged, message: application.message },
      all,
    );
    return recheckSegments(tx, application.contactId, all.filter((s) => ids.includes(s.id)), rules, application.at);
  }
}

/** Puts a contact in or out of each of `segments` as the filters say now. */
export async function recheckSegments(tx: SqlTx, contactId: string, segments: readonly SegmentDefinition[], rules: ScoringRules, now: Date) {
  const joined: string[] = [];
  const left: string[] = [];
  if (!segments.length) return { joined, left };
  const window = longestBehaviourWindow(segments);
  const facts = await loadContactFacts(tx, contactId, rules, now, window ? new Date(now.getTime() - window) : undefined);
  if (!facts) return { joined, left };
  for (const segment of segments) {
    if (matchesSegment(facts, segment, now)) {
      if (await tx.run('INSERT INTO segment_members (segment_id, contact_id, since) VALUES (?, ?, ?) ON CONFLICT (segment_id, contact_id) DO NOTHING', [segment.id, contactId, now.toISOString()])) {
        joined.push(segment.id);
      }
    } else if (await tx.run('DELETE FROM segment_members WHERE segment_id = ? AND contact_id = ?', [segment.id, contactId])) {
      left.push(segment.id);
    }
  }
  return { joined, left };
}
