import { extractDatetimes } from './datetime';

// Wednesday 5 March 2025, 10:00 local time: expectations are built in local time too, so any TZ passes.
const now = new Date(2025, 2, 5, 10, 0, 0);
const dates = (text: string) => extractDatetimes(text, { defaultRegion: 'US', now, expected: [] }).map((e) => [e.value, e.text]);
const local = (...parts: [number, number, number, number?, number?]) => new Date(parts[0], parts[1], parts[2], parts[3] ?? 12, parts[4] ?? 0).toISOString();

describe('extractDatetimes', () => {
  it('reads "next Tuesday 3pm" relative to the clock', () => {
    expect(dates('sure, next Tuesday 3pm works')).toEqual([[local(2025, 2, 11, 15), 'next Tuesday 3pm']]);
  });

  it.each([
    ['tomorrow at 9am', local(2025, 2, 6, 9)],
    ['in 2 weeks', local(2025, 2, 19, 10)],
    ['on March 20th at 4:30pm', local(2025, 2, 20, 16, 30)],
    ['Friday', local(2025, 2, 7)],
  ])('reads %s', (text, value) => {
    expect(dates(text).map(([v]) => v)).toEqual([value]);
  });

  it('gives the start of a range', () => {
    expect(dates('from 3 to 5pm tomorrow').map(([v]) => v)).toEqual([local(2025, 2, 6, 15)]);
  });

  it.each(['I sat down', 'you may call me', 'it costs $9 a month', 'I will march on', 'we are 250 people'])('finds nothing in %s', (text) => {
    expect(dates(text)).toEqual([]);
  });
});
