import { parseScoringRules } from '../rules/load-scoring-rules';
import type { Activity } from '../rules/score-trigger';
import { currentScore, ruleValue } from './current-score';
import type { ScoreEvent } from './score-event';
import { rescore } from './rescore';
import { scoreTriggers } from './score-turn';

const v1 = parseScoringRules(`
version: 1
decay: { behaviour: 30d }
lifecycle: { lead: 10, mql: 50, sql: 80 }
rules:
  - { id: pricing, type: behaviour, on: { kind: intent, intent: pricing }, points: 20, reason: asked for pricing }
  - { id: enterprise, type: fit, when: { attribute: companySize, equals: enterprise }, points: 25, reason: company size 1000+ }
`);
const v2 = parseScoringRules(`
version: 2
decay: { behaviour: 30d }
lifecycle: { lead: 10, mql: 50, sql: 80 }
rules:
  - { id: pricing, type: behaviour, on: { kind: intent, intent: pricing }, points: 40, reason: asked for pricing }
  - { id: enterprise, type: fit, when: { attribute: companySize, equals: enterprise }, points: 45, reason: company size 1000+ }
`);
const DAY = 86_400_000;
const t0 = new Date('2026-02-01T00:00:00Z');
const contact = { id: 'c', attributes: { companySize: 'enterprise' } };

describe('re-scoring under new rules', () => {
  it('appends per-rule adjustments so the ledger replays to the score the new rules give, decay included', () => {
    const activity: Activity[] = [
      { kind: 'answer', attribute: 'companySize', value: 'enterprise', at: t0 },
      { kind: 'intent', intent: 'pricing', at: new Date(t0.getTime() + DAY) },
    ];
    const ledger: ScoreEvent[] = [];
    let stage: ReturnType<typeof scoreTriggers>['stage'] | undefined;
    for (const { at, ...trigger } of activity) {
      const turn = scoreTriggers([trigger], contact, v1, ledger, stage, at);
      ledger.push(...turn.events);
      stage = turn.stage;
    }
    const now = new Date(t0.getTime() + 31 * DAY);
    expect(currentScore(ledger, v1, now)).toBeCloseTo(25 + 10, 6);
    const result = rescore(activity, contact, v2, ledger, stage, now);
    expect(result.adjustments.map((a) => [a.ruleId, Math.round(a.points * 100) / 100, a.reason, a.rulesVersion])).toEqual([
      ['enterprise', 20, 'rules v2: company size 1000+', 2],
      ['pricing', 10, 'rules v2: asked for pricing', 2],
    ]);
    expect(result).toMatchObject({ score: 65, stage: 'mql', transition: { from: 'lead', to: 'mql' } });
    const later = new Date(now.getTime() + 30 * DAY);
    expect(ruleValue([...ledger, ...result.adjustments], 'pricing', v2, later)).toBeCloseTo(10, 6);
    expect(rescore(activity, contact, v2, [...ledger, ...result.adjustments], result.stage, now).adjustments).toEqual([]);
  });
});
