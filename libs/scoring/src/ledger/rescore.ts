import { nextLifecycleStage, type LifecycleStage } from '../lifecycle/lifecycle-stage';
import { lifecycleTransition, type LifecycleTransition } from '../lifecycle/lifecycle-transition';
import type { Activity } from '../rules/score-trigger';
import type { ScoringRules } from '../rules/scoring-rules.schema';
import { currentScore, ruleValue } from './current-score';
import type { ScoreEvent, ScoringContact } from './score-event';
import { roundScore, scoreTriggers } from './score-turn';

export interface Rescore {
  /** Lines that bring each rule's current value to what the new rules give; appended, nothing rewritten. */
  adjustments: ScoreEvent[];
  score: number;
  stage: LifecycleStage;
  transition?: LifecycleTransition;
}

/**
 * A contact's score under new rules: its recorded activity replayed through them (attribute rules
 * read the contact as it is now), compared rule by rule with the ledger at `now`, and the difference
 * appended as `rules v<N>` lines. Decay is exponential, so a line added now decays exactly as the
 * replayed points would have.
 */
export function rescore(activity: readonly Activity[], contact: ScoringContact, rules: ScoringRules, ledger: readonly ScoreEvent[], stageBefore: LifecycleStage | undefined, now: Date): Rescore {
  const replayed: ScoreEvent[] = [];
  for (const { at, ...trigger } of [...activity].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (at.getTime() > now.getTime()) continue;
    replayed.push(...scoreTriggers([trigger], contact, rules, replayed, undefined, at).events);
  }
  if (!replayed.length) replayed.push(...scoreTriggers([], contact, rules, [], undefined, now).events);
  const kindOf = new Map([...ledger, ...replayed].map((e) => [e.ruleId, e.kind]));
  for (const rule of rules.rules) kindOf.set(rule.id, rule.type);
  const reasonOf = new Map(rules.rules.map((r) => [r.id, r.reason]));
  const adjustments: ScoreEvent[] = [];
  for (const [ruleId, kind] of kindOf) {
    const diff = ruleValue(replayed, ruleId, rules, now) - ruleValue(ledger, ruleId, rules, now);
    if (Math.abs(diff) < 0.005) continue;
    const reason = reasonOf.get(ruleId) ?? ledger.findLast((e) => e.ruleId === ruleId)?.reason ?? ruleId;
    adjustments.push({ contactId: contact.id, ruleId, points: diff, reason: `rules v${rules.version}: ${reason}`, at: now, kind, rulesVersion: rules.version });
  }
  const score = roundScore(currentScore([...ledger, ...adjustments], rules, now));
  const stage = nextLifecycleStage(stageBefore ?? 'subscriber', score, rules);
  const transition = lifecycleTransition(stageBefore ?? 'subscriber', stage);
  return { adjustments, score, stage, ...(transition ? { transition } : {}) };
}
