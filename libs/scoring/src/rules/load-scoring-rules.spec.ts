import { join } from 'node:path';
import { loadScoringRules, parseScoringRules, ScoringRulesError } from './load-scoring-rules';

const minimal = (rules: string, extra = '') => `version: 1\nlifecycle: { lead: 10, mql: 50, sql: 80 }\n${extra}rules:\n${rules}`;

describe('scoring rules file', () => {
  it('loads the shipped flows/scoring.yaml with durations in milliseconds', () => {
    const rules = loadScoringRules(join(__dirname, '../../../../flows/scoring.yaml'));
    expect(rules.decay).toEqual({ behaviour: 30 * 86_400_000, engagement: 14 * 86_400_000, fit: Infinity, negative: Infinity });
    expect(rules.rules.find((r) => r.id === 'asked_pricing')).toMatchObject({ points: 20, cap: { max: 20, period: 7 * 86_400_000 } });
    expect(rules.lifecycle).toEqual({ lead: 10, mql: 50, sql: 80, demote: false, onSql: { handoff: true, queue: 'sales', handoffAfter: 120_000, crm: 'webhook' } });
  });

  it('defaults to no decay, no type caps and rules only in the blend', () => {
    const rules = parseScoringRules(minimal('  - { id: a, type: fit, when: { attribute: x, exists: true }, points: 1, reason: r }'));
    expect(rules).toMatchObject({ decay: {}, caps: [], blend: { model: 0, scale: 100 } });
  });

  it.each([
    ['duplicate ids', minimal('  - { id: a, type: fit, when: { attribute: x, exists: true }, points: 1, reason: r }\n  - { id: a, type: behaviour, on: { kind: unsubscribed }, points: -1, reason: r }'), /rules.1.id: duplicate rule id "a"/],
    ['an invalid regex', minimal('  - { id: a, type: engagement, on: { kind: page_visit, url: "(" }, points: 1, reason: r }'), /not a valid regular expression/],
    ['zero points', minimal('  - { id: a, type: fit, when: { attribute: x, exists: true }, points: 0, reason: r }'), /points must not be 0/],
    ['falling thresholds', 'version: 1\nlifecycle: { lead: 60, mql: 50, sql: 80 }\nrules:\n  - { id: a, type: fit, when: { attribute: x, exists: true }, points: 1, reason: r }', /thresholds must rise/],
    ['a bad duration', minimal('  - { id: a, type: fit, when: { attribute: x, exists: true }, points: 1, reason: r }', 'decay: { fit: 3 days }\n'), /decay.fit: a duration such as 14d or 30d, or never/],
    ['an unknown trigger', minimal('  - { id: a, type: fit, on: { kind: tweet }, points: 1, reason: r }'), /rules.0/],
  ])('rejects %s with the path of the problem', (_name, text, message) => {
    expect(() => parseScoringRules(text, 'test.yaml')).toThrow(ScoringRulesError);
    expect(() => parseScoringRules(text, 'test.yaml')).toThrow(message);
  });
});
