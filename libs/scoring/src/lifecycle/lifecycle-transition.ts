import { LIFECYCLE_STAGES, stageRank, type LifecycleStage } from './lifecycle-stage';

/** The domain event of a stage change, for the engine to publish. */
export interface LifecycleTransition {
  type: 'contact.lifecycle_changed';
  from: LifecycleStage;
  to: LifecycleStage;
  direction: 'advanced' | 'regressed';
  /** Stages passed on the way, in order, including `to` (a jump from lead to sql passes mql). */
  passed: LifecycleStage[];
}

export function lifecycleTransition(before: LifecycleStage, after: LifecycleStage): LifecycleTransition | undefined {
  if (before === after) return undefined;
  const from = stageRank(before);
  const to = stageRank(after);
  const passed: LifecycleStage[] = [];
  const step = to > from ? 1 : -1;
  for (let rank = from + step; rank !== to + step; rank += step) passed.push(LIFECYCLE_STAGES[rank]);

  return { type: 'contact.lifecycle_changed', from: before, to: after, direction: to > from ? 'advanced' : 'regressed', passed };
}
