import { attributeHolds } from '../rules/attribute-condition';
import { eventMatches } from '../rules/event-matcher';
import type { ScoreTrigger } from '../rules/score-trigger';
import { isEventRule, type AttributeRule, type ScoringRules } from '../rules/scoring-rules.schema';
import { cappedPoints } from './caps';
import { ruleValue } from './current-score';
import type { ScoreEvent, ScoringContact } from './score-event';

/**
 * The ledger lines one trigger produces: points of the event rules it matches (within their
 * caps), and awards or withdrawals of attribute rules whose condition changed for the contact
 * (`contact` as it is after the trigger). `history` is the contact's ledger so far.
 */
export function scoreEventsFor(
  trigger: ScoreTrigger,
  contact: ScoringContact,
  rules: ScoringRules,
  history: readonly ScoreEvent[],
  now: Date,
): ScoreEvent[] {
  const created: ScoreEvent[] = [];
  const ledger = () => [...history, ...created];
  const line = (ruleId: string, points: number, reason: string, kind: ScoreEvent['kind'], reversal?: boolean): ScoreEvent => ({
    contactId: contact.id,
    ruleId,
    points,
    reason,
    at: now,
    kind,
    ...(reversal ? { reversal } : {}),
    rulesVersion: rules.version,
  });
  for (const rule of rules.rules) {
    if (isEventRule(rule)) {
      if (!eventMatches(rule.on, trigger)) continue;
      const points = cappedPoints(rule, rules, ledger(), now);
      if (points !== 0) created.push(line(rule.id, points, points === rule.points ? rule.reason : `${rule.reason} (capped)`, rule.type));
      continue;
    }
    const change = attributeRuleChange(rule, contact, rules, ledger(), now);
    if (change) created.push(line(rule.id, change.points, change.reason, rule.type, change.reversal));
  }

  return created;
}

function attributeRuleChange(
  rule: AttributeRule,
  contact: ScoringContact,
  rules: ScoringRules,
  ledger: ScoreEvent[],
  now: Date,
): { points: number; reason: string; reversal: boolean } | undefined {
  const last = ledger.filter((e) => e.ruleId === rule.id).at(-1);
  const active = last !== undefined && !last.reversal;
  const holds = attributeHolds(rule.when, contact.attributes);
  if (holds && !active) return { points: rule.points, reason: rule.reason, reversal: false };
  if (!holds && active) return { points: -ruleValue(ledger, rule.id, rules, now), reason: `no longer: ${rule.reason}`, reversal: true };

  return undefined;
}
