import type { LeadScore } from '@parley/channels-slack';
import { currentScore, eventMatches, explainScore, isEventRule, scoreEventsFor, type ScoreEvent, type ScoringRules } from '@parley/scoring';

export interface ScoredStep {
  event: string;
  points: number;
  at: Date;
}

const TOP_REASONS = 3;

/**
 * A lead's score and top reasons from the flow's `score` steps, read through the scoring rules
 * (flows/scoring.yaml): each step earns its rule's points and reason, and the contact's attributes
 * earn the fit rules' (company size…). A step no rule knows keeps the flow's points and event name.
 */
export function leadScoreReasons(steps: readonly ScoredStep[], contact: { id: string; attributes: Record<string, unknown> }, rules: ScoringRules | undefined, now: Date): LeadScore | undefined {
  if (!rules) {
    if (!steps.length) return undefined;
    const sorted = [...steps].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
    return { total: steps.reduce((sum, s) => sum + s.points, 0), reasons: sorted.slice(0, TOP_REASONS).map((s) => `${s.points >= 0 ? '+' : ''}${s.points} ${s.event}`) };
  }
  const ledger: ScoreEvent[] = [];
  for (const step of steps) {
    const trigger = { kind: 'event' as const, name: step.event };
    const made = scoreEventsFor(trigger, contact, rules, ledger, step.at);
    const known = rules.rules.some((r) => isEventRule(r) && eventMatches(r.on, trigger));
    ledger.push(...made);
    if (!known && step.points) ledger.push({ contactId: contact.id, ruleId: `flow:${step.event}`, points: step.points, reason: step.event, at: step.at, kind: 'behaviour', rulesVersion: rules.version });
  }
  ledger.push(...scoreEventsFor({ kind: 'profile_updated' }, contact, rules, ledger, now));
  if (!ledger.length) return undefined;
  return { total: Math.round(currentScore(ledger, rules, now)), reasons: explainScore(ledger, rules, now, TOP_REASONS).map((r) => r.text) };
}
