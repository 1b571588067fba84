import { parseScoringRules } from '../rules/load-scoring-rules';
import { segmentDefinitionSchema } from '../segments/segment.schema';
import { longestBehaviourWindow, segmentsToRecheck } from '../segments/segment-event-kinds';
import type { ScoreEvent } from './score-event';
import { scoreTriggers } from './score-turn';

const rules = parseScoringRules(`
version: 2
decay: { behaviour: 30d }
lifecycle: { lead: 10, mql: 50, sql: 80 }
rules:
  - { id: need, type: behaviour, on: { kind: event, name: bant.need }, points: 30, reason: told us their need }
  - { id: enterprise, type: fit, when: { attribute: companySize, equals: enterprise }, points: 50, reason: company size 1000+ }
`);
const t0 = new Date('2026-01-01T00:00:00Z');
const contact = (attributes: Record<string, unknown> = {}) => ({ id: 'c1', attributes });

describe('scoring a batch of triggers', () => {
  it('moves the stage forward through the thresholds and names the stages passed', () => {
    const first = scoreTriggers([{ kind: 'answer', attribute: 'companySize', value: 'enterprise' }], contact({ companySize: 'enterprise' }), rules, [], undefined, t0);
    expect(first).toMatchObject({ score: 50, stage: 'mql', transition: { from: 'subscriber', to: 'mql', passed: ['lead', 'mql'] } });
    const later = new Date(t0.getTime() + 1000);
    const second = scoreTriggers([{ kind: 'event', name: 'bant.need' }], contact({ companySize: 'enterprise' }), rules, first.events, first.stage, later);
    expect(second).toMatchObject({ score: 80, stage: 'sql', transition: { from: 'mql', to: 'sql', passed: ['sql'] } });
  });

  it('makes a customer of a contact whose lifecycleStage attribute says so (a won deal), from any stage', () => {
    const won = scoreTriggers([{ kind: 'answer', attribute: 'lifecycleStage', value: 'customer' }], contact({ lifecycleStage: 'customer' }), rules, [], 'mql', t0);
    expect(won).toMatchObject({ stage: 'customer', transition: { from: 'mql', to: 'customer', passed: ['sql', 'customer'] } });
  });

  it('compares the score to the thresholds as shown (to 0.01), not a few millionths below after seconds of decay', () => {
    const history: ScoreEvent[] = [{ contactId: 'c1', ruleId: 'need', points: 30, reason: 'r', at: t0, kind: 'behaviour', rulesVersion: 2 }];
    const outcome = scoreTriggers([{ kind: 'answer', attribute: 'companySize', value: 'enterprise' }], contact({ companySize: 'enterprise' }), rules, history, 'lead', new Date(t0.getTime() + 5000));
    expect(outcome.stage).toBe('sql');
  });

  it('counts the points of a flow score node whose event no rule names, under a flow_ pseudo-rule', () => {
    const outcome = scoreTriggers([{ kind: 'event', name: 'webinar.attended', points: 15 }], contact(), rules, [], undefined, t0);
    expect(outcome.events).toEqual([expect.objectContaining({ ruleId: 'flow_webinar_attended', points: 15, kind: 'behaviour', reason: 'flow: webinar.attended' })]);
    expect(scoreTriggers([{ kind: 'event', name: 'bant.need', points: 99 }], contact(), rules, [], undefined, t0).events.map((e) => e.points)).toEqual([30]);
  });

  it('re-checks only segments that read what changed, and knows how far back behaviour segments look', () => {
    const segments = [
      segmentDefinitionSchema.parse({ id: 'big', name: 'big', filter: { attribute: 'companySize', equals: 'enterprise' } }),
      segmentDefinitionSchema.parse({ id: 'pricing', name: 'pricing', filter: { behaviour: { kind: 'intent', intent: 'pricing' }, within: '7d' } }),
      segmentDefinitionSchema.parse({ id: 'hot', name: 'hot', filter: { not: { score: { lte: 50 } } } }),
      segmentDefinitionSchema.parse({ id: 'sms', name: 'sms', filter: { channel: 'sms' } }),
    ];
    const change = { triggers: [], attributes: ['companySize'], scoreChanged: false, lifecycleChanged: false };
    expect(segmentsToRecheck(change, segments)).toEqual(['big']);
    expect(segmentsToRecheck({ ...change, attributes: [], triggers: [{ kind: 'intent', intent: 'pricing' }], scoreChanged: true }, segments)).toEqual(['pricing', 'hot']);
    expect(segmentsToRecheck({ ...change, attributes: [], message: true }, segments)).toEqual(['sms']);
    expect(longestBehaviourWindow(segments)).toBe(7 * 86_400_000);
  });
});
