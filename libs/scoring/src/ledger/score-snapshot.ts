import { RULE_TYPES, type RuleType, type ScoringRules } from '../rules/scoring-rules.schema';
import { decayFactor } from './decay';
import type { ScoreEvent } from './score-event';

/**
 * A stored score: the decayed total per rule type as of `at`. Because decay is exponential, a
 * snapshot rolled forward equals a full ledger replay, so the score is updated in O(1) per event.
 */
export interface ScoreSnapshot {
  at: Date;
  parts: Partial<Record<RuleType, number>>;
}

function rollForward(snapshot: ScoreSnapshot, rules: ScoringRules, to: Date): ScoreSnapshot {
  const age = to.getTime() - snapshot.at.getTime();
  const parts = Object.fromEntries(RULE_TYPES.filter((t) => snapshot.parts[t] !== undefined).map((t) => [t, snapshot.parts[t]! * decayFactor(rules, t, age)]));

  return { at: age > 0 ? to : snapshot.at, parts };
}

/** Adds new ledger events (in time order, none before the snapshot) to a snapshot. */
export function foldScore(snapshot: ScoreSnapshot | undefined, events: readonly ScoreEvent[], rules: ScoringRules): ScoreSnapshot {
  let current = snapshot ?? { at: events[0]?.at ?? new Date(0), parts: {} };
  for (const event of events) {
    if (event.at.getTime() < current.at.getTime()) throw new Error(`score event ${event.ruleId} at ${event.at.toISOString()} is older than the snapshot`);
    current = rollForward(current, rules, event.at);
    current.parts[event.kind] = (current.parts[event.kind] ?? 0) + event.points;
  }

  return current;
}

export function snapshotScore(snapshot: ScoreSnapshot, rules: ScoringRules, now: Date): number {
  const rolled = rollForward(snapshot, rules, now);

  return Object.values(rolled.parts).reduce((sum, v) => sum + v, 0);
}
