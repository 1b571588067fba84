import { parseScoringRules } from '@parley/scoring';
import { leadScoreReasons } from './lead-score-reasons';

describe('leadScoreReasons', () => {
  const rules = parseScoringRules(`
version: 1
decay: { behaviour: never, engagement: never, fit: never, negative: never }
lifecycle: { lead: 10, mql: 50, sql: 80 }
rules:
  - { id: bant_need, type: behaviour, on: { kind: event, name: bant.need }, points: 10, reason: told us what they need, cap: { max: 10 } }
  - { id: demo, type: behaviour, on: { kind: event, name: demo_requested }, points: 30, reason: booked a demo }
  - { id: size_mid, type: fit, when: { attribute: companySize, equals: midmarket }, points: 15, reason: company size 50–999 }
`);
  const at = new Date('2026-11-25T12:00:00Z');
  const contact = { id: 'c1', attributes: { companySize: 'midmarket' } };

  it('reads the flow steps through the rules, adds the fit rules the contact meets, largest first', () => {
    const steps = [{ event: 'bant.need', points: 10, at }, { event: 'bant.need', points: 10, at }, { event: 'demo_requested', points: 30, at }];
    expect(leadScoreReasons(steps, contact, rules, at)).toEqual({ total: 55, reasons: ['+30 booked a demo', '+15 company size 50–999', '+10 told us what they need'] });
  });

  it('keeps a step no rule knows with the flow points, and works without a rules file', () => {
    expect(leadScoreReasons([{ event: 'webinar', points: 7, at }], { id: 'c1', attributes: {} }, rules, at)).toEqual({ total: 7, reasons: ['+7 webinar'] });
    expect(leadScoreReasons([{ event: 'webinar', points: 7, at }, { event: 'spam', points: -20, at }], contact, undefined, at)).toEqual({ total: -13, reasons: ['-20 spam', '+7 webinar'] });
    expect(leadScoreReasons([], { id: 'c1', attributes: {} }, rules, at)).toBeUndefined();
  });
});
