import type { ScoringRules } from '../rules/scoring-rules.schema';
import { decayedPoints } from './decay';
import type { ScoreEvent } from './score-event';

export interface ScoreReason {
  ruleId: string;
  reason: string;
  /** Current (decayed) points of the rule, rounded. */
  points: number;
  /** `+20 asked for pricing`. */
  text: string;
}

/** The rules that make up most of the current score, largest first. */
export function explainScore(events: readonly ScoreEvent[], rules: ScoringRules, now: Date, top = 5): ScoreReason[] {
  const byRule = new Map<string, { value: number; reason: string; at: number }>();
  for (const event of events) {
    if (event.at.getTime() > now.getTime()) continue;
    const entry = byRule.get(event.ruleId) ?? { value: 0, reason: event.reason, at: -Infinity };
    entry.value += decayedPoints(event, rules, now);
    if (!event.reversal && event.at.getTime() >= entry.at) Object.assign(entry, { reason: event.reason, at: event.at.getTime() });
    byRule.set(event.ruleId, entry);
  }

  return [...byRule]
    .map(([ruleId, { value, reason }]) => ({ ruleId, reason, points: Math.round(value) }))
    .filter((r) => r.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || (a.ruleId < b.ruleId ? -1 : 1))
    .slice(0, top)
    .map((r) => ({ ...r, text: `${r.points > 0 ? '+' : ''}${r.points} ${r.reason}` }));
}
