import fc from 'fast-check';
import { parseScoringRules } from '../rules/load-scoring-rules';
import type { ScoreTrigger } from '../rules/score-trigger';
import { currentScore } from './current-score';
import type { ScoreEvent, ScoringContact } from './score-event';
import { scoreEventsFor } from './score-events-for';
import { foldScore, snapshotScore, type ScoreSnapshot } from './score-snapshot';

const rules = parseScoringRules(`
version: 1
decay: { behaviour: 30d, engagement: 14d, fit: 90d }
caps: [{ type: engagement, max: 12, period: 1d }]
lifecycle: { lead: 10, mql: 50, sql: 80 }
rules:
  - { id: pricing, type: behaviour, on: { kind: intent, intent: pricing }, points: 20, reason: asked for pricing, cap: { max: 40, period: 7d } }
  - { id: opened, type: engagement, on: { kind: email_opened }, points: 3, reason: opened an email }
  - { id: page, type: engagement, on: { kind: page_visit, url: /pricing }, points: 5, reason: visited pricing }
  - { id: big, type: fit, when: { attribute: size, gte: 1000 }, points: 25, reason: 1000+ people }
  - { id: student, type: negative, when: { attribute: role, equals: student }, points: -20, reason: student }
  - { id: unsubscribed, type: negative, on: { kind: unsubscribed }, points: -30, reason: unsubscribed }
`);

const step = fc.record({
  gapMs: fc.integer({ min: 0, max: 20 * 86_400_000 }),
  trigger: fc.constantFrom<ScoreTrigger>(
    { kind: 'intent', intent: 'pricing' },
    { kind: 'email_opened' },
    { kind: 'page_visit', url: 'https://parley.example/pricing' },
    { kind: 'unsubscribed' },
    { kind: 'profile_updated' },
  ),
  size: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
  role: fc.constantFrom('student', 'cto', undefined),
});

describe('score snapshot', () => {
  it('rolled forward event by event, equals a full replay of the ledger at any later time', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.integer({ min: 0, max: 400 * 86_400_000 }), (steps, laterMs) => {
        let now = new Date('2025-01-01T00:00:00Z');
        const ledger: ScoreEvent[] = [];
        let snapshot: ScoreSnapshot | undefined;
        for (const { gapMs, trigger, size, role } of steps) {
          now = new Date(now.getTime() + gapMs);
          const contact: ScoringContact = { id: 'c', attributes: { size, role } };
          const created = scoreEventsFor(trigger, contact, rules, ledger, now);
          ledger.push(...created);
          snapshot = foldScore(snapshot, created, rules);
          expect(snapshotScore(snapshot, rules, now)).toBeCloseTo(currentScore(ledger, rules, now), 9);
        }
        const later = new Date(now.getTime() + laterMs);
        expect(snapshotScore(snapshot ?? foldScore(undefined, [], rules), rules, later)).toBeCloseTo(currentScore(ledger, rules, later), 9);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('refuses events older than the snapshot', () => {
    const at = new Date('2025-01-02T00:00:00Z');
    const event: ScoreEvent = { contactId: 'c', ruleId: 'pricing', points: 20, reason: 'asked for pricing', at, kind: 'behaviour', rulesVersion: 1 };
    const snapshot = foldScore(undefined, [event], rules);
    expect(() => foldScore(snapshot, [{ ...event, at: new Date('2025-01-01T00:00:00Z') }], rules)).toThrow(/older than the snapshot/);
  });
});
