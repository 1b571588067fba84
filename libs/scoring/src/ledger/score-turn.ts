import { lifecycleStage, nextLifecycleStage, type LifecycleStage } from '../lifecycle/lifecycle-stage';
import { lifecycleTransition, type LifecycleTransition } from '../lifecycle/lifecycle-transition';
import type { ScoreTrigger } from '../rules/score-trigger';
import { isEventRule, type ScoringRules } from '../rules/scoring-rules.schema';
import { eventMatches } from '../rules/event-matcher';
import { currentScore } from './current-score';
import type { ScoreEvent, ScoringContact } from './score-event';
import { scoreEventsFor } from './score-events-for';

/** Scores are shown and compared to two decimals. */
export const roundScore = (score: number) => Math.round(score * 100) / 100;

export interface TurnScoring {
  /** New ledger lines, in order. */
  events: ScoreEvent[];
  /** Rule points after the lines, decayed to `now`. */
  score: number;
  stage: LifecycleStage;
  transition?: LifecycleTransition;
}

/**
 * A flow's `score` node whose event no rule names still counts: its own points, as a behaviour
 * line of the pseudo-rule `flow_<event>`, so a flow author is not silently ignored.
 */
function flowFallback(trigger: ScoreTrigger, contact: ScoringContact, rules: ScoringRules, now: Date): ScoreEvent | undefined {
  if (trigger.kind !== 'event' || !trigger.points) return undefined;
  if (rules.rules.some((rule) => isEventRule(rule) && eventMatches(rule.on, trigger))) return undefined;
  const ruleId = `flow_${trigger.name.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
  return { contactId: contact.id, ruleId, points: trigger.points, reason: `flow: ${trigger.name}`, at: now, kind: 'behaviour', rulesVersion: rules.version };
}

/**
 * Everything a batch of triggers does to a contact's standing: the ledger lines they earn (caps and
 * attribute rules applied against `history`), the score after them and the lifecycle stage it reaches.
 */
export function scoreTriggers(
  triggers: readonly ScoreTrigger[],
  contact: ScoringContact,
  rules: ScoringRules,
  history: readonly ScoreEvent[],
  stageBefore: LifecycleStage | undefined,
  now: Date,
): TurnScoring {
  const events: ScoreEvent[] = [];
  for (const trigger of triggers.length ? triggers : [{ kind: 'profile_updated' } as const]) {
    const ledger = [...history, ...events];
    events.push(...scoreEventsFor(trigger, contact, rules, ledger, now));
    const fallback = flowFallback(trigger, contact, rules, now);
    if (fallback) events.push(fallback);
  }
  // decay takes a few millionths off points earned seconds ago: stages compare the score as shown, to 0.01
  const score = roundScore(currentScore([...history, ...events], rules, now));
  const before = stageBefore ?? 'subscriber';
  // a won deal (the CRM or a flow sets `lifecycleStage: customer`) makes a customer, whatever the score
  const won = contact.attributes.lifecycleStage === 'customer';
  const stage = won ? 'customer' : stageBefore === undefined ? lifecycleStage(score, rules) : nextLifecycleStage(before, score, rules);
  const transition = lifecycleTransition(before, stage);
  return { events, score, stage, ...(transition ? { transition } : {}) };
}
