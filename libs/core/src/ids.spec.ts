import { newId } from './ids';

describe('newId', () => {
  it('makes RFC 9562 version-7 UUIDs', () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts by creation time and never repeats', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => newId(1_700_000_000_000 + Math.floor(i / 10)));
    expect(new Set(ids).size).toBe(ids.length);
    const byMillisecond = ids.filter((_, i) => i % 10 === 0);
    expect([...byMillisecond].sort()).toEqual(byMillisecond);
  });
});
