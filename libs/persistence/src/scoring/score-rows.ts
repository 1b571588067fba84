import type { Activity, LifecycleStage, RuleType, ScoreEvent, ScoreSnapshot, ScoreTrigger } from '@parley/scoring';

export interface ScoreEventRow {
  contact_id: string;
  rule_id: string;
  points: number;
  reason: string;
  kind: string;
  reversal: number | boolean;
  rules_version: number;
  at: string | Date;
}

export interface ContactScoreRow {
  score: number;
  lifecycle: string;
  snapshot: string;
}

export const SCORE_EVENT_COLUMNS = 'contact_id, rule_id, points, reason, kind, reversal, rules_version, at';

export const toScoreEvent = (row: ScoreEventRow): ScoreEvent => ({
  contactId: row.contact_id,
  ruleId: row.rule_id,
  points: Number(row.points),
  reason: row.reason,
  at: new Date(row.at),
  kind: row.kind as RuleType,
  ...(row.reversal === true || Number(row.reversal) === 1 ? { reversal: true } : {}),
  rulesVersion: Number(row.rules_version),
});

export function toSnapshot(text: string): ScoreSnapshot {
  const parsed = JSON.parse(text) as { at: string; parts: ScoreSnapshot['parts'] };
  return { at: new Date(parsed.at), parts: parsed.parts };
}

export const toStage = (row: ContactScoreRow | undefined): LifecycleStage | undefined => row?.lifecycle as LifecycleStage | undefined;

export function toActivity(row: { detail: string; at: string | Date }): Activity {
  return { ...(JSON.parse(row.detail) as ScoreTrigger), at: new Date(row.at) };
}

