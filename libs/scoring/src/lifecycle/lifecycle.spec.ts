import { parseScoringRules } from '../rules/load-scoring-rules';
import { lifecycleStage, nextLifecycleStage } from './lifecycle-stage';
import { lifecycleTransition } from './lifecycle-transition';

const rules = (lifecycle: string) =>
  parseScoringRules(`version: 1\nlifecycle: ${lifecycle}\nrules:\n  - { id: a, type: fit, when: { attribute: x, exists: true }, points: 1, reason: r }`);

describe('lifecycle', () => {
  const forward = rules('{ lead: 10, mql: 50, sql: 80 }');

  it.each([
    [-5, 'subscriber'],
    [9.9, 'subscriber'],
    [10, 'lead'],
    [50, 'mql'],
    [79, 'mql'],
    [1000, 'sql'],
  ] as const)('score %d is %s', (score, stage) => expect(lifecycleStage(score, forward)).toBe(stage));

  it('reaches customer by score only when the rules give it a threshold', () => {
    expect(lifecycleStage(150, rules('{ lead: 10, mql: 50, sql: 80, customer: 120 }'))).toBe('customer');
    expect(lifecycleStage(150, forward)).toBe('sql');
  });

  it('keeps a stage when decay lowers the score, unless the rules allow demotion', () => {
    expect(nextLifecycleStage('sql', 20, forward)).toBe('sql');
    expect(nextLifecycleStage('lead', 85, forward)).toBe('sql');
    expect(nextLifecycleStage('sql', 20, rules('{ lead: 10, mql: 50, sql: 80, demote: true }'))).toBe('lead');
    expect(nextLifecycleStage('customer', 0, rules('{ lead: 10, mql: 50, sql: 80, demote: true }'))).toBe('customer');
  });

  it('describes each transition with the stages passed on the way', () => {
    expect(lifecycleTransition('lead', 'lead')).toBeUndefined();
    expect(lifecycleTransition('subscriber', 'sql')).toEqual({
      type: 'contact.lifecycle_changed',
      from: 'subscriber',
      to: 'sql',
      direction: 'advanced',
      passed: ['lead', 'mql', 'sql'],
    });
    expect(lifecycleTransition('sql', 'lead')).toMatchObject({ direction: 'regressed', passed: ['mql', 'lead'] });
  });
});
