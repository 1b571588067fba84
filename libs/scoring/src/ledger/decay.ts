import type { RuleType, ScoringRules } from '../rules/scoring-rules.schema';
import type { ScoreEvent } from './score-event';

/** Share of its points an event still counts for after `ageMs`: halves every half-life of its type. */
export function decayFactor(rules: ScoringRules, kind: RuleType, ageMs: number): number {
  const halfLife = rules.decay[kind] ?? Infinity;
  if (halfLife === Infinity || ageMs <= 0) return 1;

  return 2 ** (-ageMs / halfLife);
}

/** What one event contributes at `now` (0 for events after `now`). */
export function decayedPoints(event: ScoreEvent, rules: ScoringRules, now: Date): number {
  const age = now.getTime() - event.at.getTime();
  if (age < 0) return 0;

  return event.points * decayFactor(rules, event.kind, age);
}
