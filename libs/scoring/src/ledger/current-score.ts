import type { ScoringRules } from '../rules/scoring-rules.schema';
import { decayedPoints } from './decay';
import type { ScoreEvent } from './score-event';

/** The contact's score at `now`, replayed from its ledger with decay; events after `now` do not count yet. */
export function currentScore(events: readonly ScoreEvent[], rules: ScoringRules, now: Date): number {
  return events.reduce((sum, event) => sum + decayedPoints(event, rules, now), 0);
}

/** Current decayed value of one rule's events. */
export function ruleValue(events: readonly ScoreEvent[], ruleId: string, rules: ScoringRules, now: Date): number {
  return currentScore(
    events.filter((e) => e.ruleId === ruleId),
    rules,
    now,
  );
}
