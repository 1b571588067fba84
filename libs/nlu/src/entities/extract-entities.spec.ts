import { extractEntities } from './extract-entities';

const now = new Date(2025, 2, 5, 10, 0, 0);
const found = (text: string, expected: string[] = []) =>
  extractEntities(text, { now, expected, defaultRegion: 'US' }).map((e) => [e.type, e.value, e.start, e.end]);

describe('extractEntities', () => {
  it('fills an ask node from a sentence', () => {
    expect(found("sure, it's jane@acme.io", ['email'])).toEqual([['email', 'jane@acme.io', 11, 23]]);
  });

  it('prefers the more specific entity when spans overlap', () => {
    expect(found('we are about 250 people').map(([type]) => type)).toEqual(['company_size']);
    expect(found('call (415) 555-2671').map(([type]) => type)).toEqual(['phone']);
    expect(found('$1,200 per seat').map(([type]) => type)).toEqual(['money']);
    expect(found('15% off').map(([type]) => type)).toEqual(['percentage']);
  });

  it('returns entities in text order with spans on the original text', () => {
    const text = 'Jane, jane@acme.io, +44 20 7946 0958, next Tuesday 3pm, 30 seats';
    const entities = extractEntities(text, { now });
    expect(entities.map((e) => e.type)).toEqual(['email', 'phone', 'datetime', 'number']);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('returns nothing for plain text', () => {
    expect(found('what does it cost')).toEqual([]);
  });
});
