import { parseScoringRules } from '../rules/load-scoring-rules';
import type { ScoreTrigger } from '../rules/score-trigger';
import { currentScore } from './current-score';
import { explainScore } from './explain-score';
import type { ScoreEvent, ScoringContact } from './score-event';
import { scoreEventsFor } from './score-events-for';

const DAY = 86_400_000;
const start = new Date('2025-03-03T09:00:00Z');

const rules = parseScoringRules(`
version: 3
decay: { behaviour: 30d, engagement: 7d }
caps:
  - { type: engagement, max: 10, period: 1d }
lifecycle: { lead: 10, mql: 50, sql: 80 }
rules:
  - { id: pricing, type: behaviour, on: { kind: intent, intent: pricing }, points: 20, reason: asked for pricing, cap: { max: 20, period: 7d } }
  - { id: demo, type: behaviour, on: { kind: intent, intent: book_demo }, points: 25, reason: asked for a demo, cap: { max: 50 } }
  - { id: opened, type: engagement, on: { kind: email_opened }, points: 4, reason: opened an email }
  - { id: clicked, type: engagement, on: { kind: email_clicked }, points: 5, reason: clicked an email }
  - { id: enterprise, type: fit, when: { attribute: companySize, equals: enterprise }, points: 25, reason: company size 1000+ }
  - { id: competitor, type: negative, when: { attribute: email, matches: "@rival\\\\.com$" }, points: -50, reason: works at a competitor }
  - { id: unsubscribed, type: negative, on: { kind: unsubscribed }, points: -30, reason: unsubscribed, cap: { max: 30 } }
`);

/** A ledger driven by a controllable clock, as the engine would keep it. */
function ledger(attributes: Record<string, unknown> = {}) {
  const events: ScoreEvent[] = [];
  let now = start;
  const contact: ScoringContact = { id: 'c1', attributes };

  return {
    events,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
    now: () => now,
    set: (name: string, value: unknown) => (contact.attributes = { ...contact.attributes, [name]: value }),
    send: (trigger: ScoreTrigger) => {
      const created = scoreEventsFor(trigger, contact, rules, events, now);
      events.push(...created);
      return created;
    },
  };
}

describe('score ledger', () => {
  it('halves behaviour points every 30 days and engagement points every 7', () => {
    const l = ledger();
    l.send({ kind: 'intent', intent: 'pricing' });
    l.send({ kind: 'email_clicked' });
    expect(currentScore(l.events, rules, l.now())).toBe(25);
    l.advance(7 * DAY);
    expect(currentScore(l.events, rules, l.now())).toBeCloseTo(20 * 2 ** (-7 / 30) + 2.5, 10);
    l.advance(23 * DAY);
    expect(currentScore(l.events, rules, l.now())).toBeCloseTo(10 + 5 * 2 ** (-30 / 7), 10);
  });

  it('counts an event only from its own time on, so the score at any past moment is replayable', () => {
    const l = ledger();
    l.send({ kind: 'intent', intent: 'book_demo' });
    const before = new Date(start.getTime() - 1);
    expect(currentScore(l.events, rules, before)).toBe(0);
    expect(currentScore(l.events, rules, start)).toBe(25);
  });

  it('caps a rule per rolling period and frees the cap when the period has passed', () => {
    const l = ledger();
    expect(l.send({ kind: 'intent', intent: 'pricing' })).toHaveLength(1);
    l.advance(3 * DAY);
    expect(l.send({ kind: 'intent', intent: 'pricing' })).toEqual([]);
    l.advance(4 * DAY + 1);
    expect(l.send({ kind: 'intent', intent: 'pricing' }).map((e) => e.points)).toEqual([20]);
  });

  it('caps a rule for life and awards the remainder of a cap, marked as capped', () => {
    const l = ledger();
    expect([1, 2, 3].flatMap(() => l.send({ kind: 'intent', intent: 'book_demo' })).map((e) => e.points)).toEqual([25, 25]);
    const engagement = [1, 2, 3].flatMap(() => l.send({ kind: 'email_opened' }));
    expect(engagement.map((e) => [e.points, e.reason])).toEqual([
      [4, 'opened an email'],
      [4, 'opened an email'],
      [2, 'opened an email (capped)'],
    ]);
  });

  it('shares a type cap between the rules of that type', () => {
    const l = ledger();
    l.send({ kind: 'email_clicked' });
    l.send({ kind: 'email_clicked' });
    expect(l.send({ kind: 'email_opened' })).toEqual([]);
    l.advance(DAY + 1);
    expect(l.send({ kind: 'email_opened' }).map((e) => e.points)).toEqual([4]);
  });

  it('lets negative points take the score below zero, once per negative event rule', () => {
    const l = ledger({ email: 'sam@rival.com' });
    const first = l.send({ kind: 'unsubscribed' });
    expect(first.map((e) => [e.ruleId, e.points])).toEqual([
      ['competitor', -50],
      ['unsubscribed', -30],
    ]);
    expect(l.send({ kind: 'unsubscribed' })).toEqual([]);
    expect(currentScore(l.events, rules, l.now())).toBe(-80);
    expect(explainScore(l.events, rules, l.now()).map((r) => r.text)).toEqual(['-50 works at a competitor', '-30 unsubscribed']);
  });

  it('awards an attribute rule once while it holds and withdraws what is left of it when it stops', () => {
    const l = ledger();
    l.set('companySize', 'Enterprise');
    expect(l.send({ kind: 'answer', attribute: 'companySize', value: 'Enterprise' }).map((e) => e.points)).toEqual([25]);
    expect(l.send({ kind: 'profile_updated' })).toEqual([]);
    l.advance(10 * DAY);
    l.set('companySize', 'smb');
    const [withdrawal] = l.send({ kind: 'answer', attribute: 'companySize', value: 'smb' });
    expect(withdrawal).toMatchObject({ ruleId: 'enterprise', points: -25, reversal: true, reason: 'no longer: company size 1000+', rulesVersion: 3 });
    expect(currentScore(l.events, rules, l.now())).toBe(0);
  });

  it('explains the score by its largest current reasons', () => {
    const l = ledger({ companySize: 'enterprise' });
    l.send({ kind: 'intent', intent: 'pricing' });
    l.send({ kind: 'email_opened' });
    expect(explainScore(l.events, rules, l.now(), 2).map((r) => r.text)).toEqual(['+25 company size 1000+', '+20 asked for pricing']);
    l.advance(60 * DAY);
    expect(explainScore(l.events, rules, l.now()).map((r) => r.text)).toEqual(['+25 company size 1000+', '+5 asked for pricing']);
  });
});
