import type { ContactFacts } from './contact-facts';
import { matchesSegment } from './matches-segment';
import { segmentDefinitionSchema, type SegmentDefinition } from './segment.schema';
import { segmentsAffectedBy } from './segments-affected-by';

const DAY = 86_400_000;
const now = new Date('2025-05-20T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

const segment = (id: string, filter: unknown): SegmentDefinition => segmentDefinitionSchema.parse({ id, name: id, filter });

const hotPricing = segment('hot-pricing', {
  all: [
    { behaviour: { kind: 'intent', intent: 'pricing' }, within: '7d' },
    { any: [{ attribute: 'companySize', in: ['midmarket', 'enterprise'] }, { score: { gte: 60 } }] },
    { not: { tag: 'customer' } },
    { consent: { purpose: 'marketing' } },
  ],
});
const mqlOnSms = segment('mql-on-sms', { all: [{ lifecycle: { atLeast: 'mql' } }, { channel: 'sms' }] });
const engaged = segment('engaged-readers', { behaviour: { kind: 'email_opened' }, within: '30d', atLeast: 3 });

const facts = (overrides: Partial<ContactFacts> = {}): ContactFacts => ({
  attributes: { companySize: 'midmarket' },
  score: 30,
  lifecycle: 'lead',
  consents: { marketing: true },
  tags: [],
  channels: ['webchat'],
  activity: [{ kind: 'intent', intent: 'pricing', at: daysAgo(2) }],
  ...overrides,
});

describe('segments', () => {
  it('combines attribute, score, tag, consent and behaviour filters with AND, OR and NOT', () => {
    expect(matchesSegment(facts(), hotPricing, now)).toBe(true);
    expect(matchesSegment(facts({ attributes: { companySize: 'smb' } }), hotPricing, now)).toBe(false);
    expect(matchesSegment(facts({ attributes: { companySize: 'smb' }, score: 75 }), hotPricing, now)).toBe(true);
    expect(matchesSegment(facts({ tags: ['customer'] }), hotPricing, now)).toBe(false);
    expect(matchesSegment(facts({ consents: { marketing: false } }), hotPricing, now)).toBe(false);
    expect(matchesSegment(facts({ consents: {} }), hotPricing, now)).toBe(false);
  });

  it('reads "asked for pricing in the last 7 days" against the clock it is given', () => {
    expect(matchesSegment(facts({ activity: [{ kind: 'intent', intent: 'pricing', at: daysAgo(6.9) }] }), hotPricing, now)).toBe(true);
    expect(matchesSegment(facts({ activity: [{ kind: 'intent', intent: 'pricing', at: daysAgo(7.1) }] }), hotPricing, now)).toBe(false);
    expect(matchesSegment(facts({ activity: [{ kind: 'intent', intent: 'book_demo', at: daysAgo(1) }] }), hotPricing, now)).toBe(false);
  });

  it('counts behaviour with atLeast, and matches lifecycle ranges and channels', () => {
    const opens = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'email_opened' as const, at: daysAgo(i + 1) }));
    expect(matchesSegment(facts({ activity: opens(2) }), engaged, now)).toBe(false);
    expect(matchesSegment(facts({ activity: opens(3) }), engaged, now)).toBe(true);
    expect(matchesSegment(facts({ lifecycle: 'sql', channels: ['webchat', 'sms'] }), mqlOnSms, now)).toBe(true);
    expect(matchesSegment(facts({ lifecycle: 'lead', channels: ['sms'] }), mqlOnSms, now)).toBe(false);
  });

  it('rejects unknown filter keys, channels and stages', () => {
    expect(() => segment('x', { colour: 'red' })).toThrow();
    expect(() => segment('x', { channel: 'fax' })).toThrow();
    expect(() => segment('x', { all: [{ lifecycle: 'prospect' }] })).toThrow();
  });

  it('names the segments an event can affect, so membership is updated per event', () => {
    const all = [hotPricing, mqlOnSms, engaged];
    expect(segmentsAffectedBy('intent', all)).toEqual(['hot-pricing']);
    expect(segmentsAffectedBy('email_opened', all)).toEqual(['engaged-readers']);
    expect(segmentsAffectedBy('attribute:companySize', all)).toEqual(['hot-pricing']);
    expect(segmentsAffectedBy('attribute:email', all)).toEqual([]);
    expect(segmentsAffectedBy('lifecycle', all)).toEqual(['mql-on-sms']);
    expect(segmentsAffectedBy('consent', all)).toEqual(['hot-pricing']);
    expect(segmentsAffectedBy('tags', all)).toEqual(['hot-pricing']);
    expect(segmentsAffectedBy('clock', all)).toEqual(['hot-pricing', 'engaged-readers']);
  });
});
