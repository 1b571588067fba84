import type { ScoringRules } from '../rules/scoring-rules.schema';

export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'mql', 'sql', 'customer'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const stageRank = (stage: LifecycleStage) => LIFECYCLE_STAGES.indexOf(stage);

/** The stage a score reaches by the thresholds of the rules; below `lead` a contact is a subscriber. */
export function lifecycleStage(score: number, rules: ScoringRules): LifecycleStage {
  const { lead, mql, sql, customer } = rules.lifecycle;
  if (customer !== undefined && score >= customer) return 'customer';
  if (score >= sql) return 'sql';
  if (score >= mql) return 'mql';

  return score >= lead ? 'lead' : 'subscriber';
}

/**
 * The stage after a score change: stages only move forward unless the rules allow demotion,
 * and a customer stays a customer.
 */
export function nextLifecycleStage(current: LifecycleStage, score: number, rules: ScoringRules): LifecycleStage {
  const reached = lifecycleStage(score, rules);
  if (current === 'customer') return current;
  if (rules.lifecycle.demote) return reached;

  return stageRank(reached) > stageRank(current) ? reached : current;
}
