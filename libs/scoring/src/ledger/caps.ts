import type { EventRule, ScoringRules } from '../rules/scoring-rules.schema';
import type { ScoreEvent } from './score-event';

interface Cap {
  max: number;
  period?: number;
}

/** Points (in absolute value) the matching awards used within the cap's period before `now`. */
function used(history: readonly ScoreEvent[], cap: Cap, now: Date, belongs: (e: ScoreEvent) => boolean): number {
  const since = cap.period === undefined ? -Infinity : now.getTime() - cap.period;

  return history
    .filter((e) => !e.reversal && belongs(e) && e.at.getTime() > since && e.at.getTime() <= now.getTime())
    .reduce((sum, e) => sum + Math.abs(e.points), 0);
}

/**
 * The points an event rule may still award at `now`: its own points, cut down by the rule's cap
 * and by the caps of its type. Returns 0 when a cap is used up.
 */
export function cappedPoints(rule: EventRule, rules: ScoringRules, history: readonly ScoreEvent[], now: Date): number {
  let room = Math.abs(rule.points);
  if (rule.cap) room = Math.min(room, rule.cap.max - used(history, rule.cap, now, (e) => e.ruleId === rule.id));
  for (const cap of rules.caps.filter((c) => c.type === rule.type)) {
    room = Math.min(room, cap.max - used(history, cap, now, (e) => e.kind === rule.type));
  }

  return Math.max(0, room) * Math.sign(rule.points);
}
