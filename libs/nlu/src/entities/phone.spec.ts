import { extractPhones } from './phone';

const phones = (text: string, defaultRegion = 'US') =>
  extractPhones(text, { defaultRegion, now: new Date(0), expected: [] }).map((e) => [e.value, e.text]);

describe('extractPhones', () => {
  it('normalises a national number with the default region to E.164', () => {
    expect(phones('my cell is (415) 555-2671.')).toEqual([['+14155552671', '(415) 555-2671']]);
  });

  it.each([
    ['call me at +44 20 7946 0958 tomorrow', 'US', '+442079460958'],
    ['+33 6 12 34 56 78', 'US', '+33612345678'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['0151 23456789', 'DE', '+4915123456789'],
    ['+1-415-555-2671', 'DE', '+14155552671'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['reach me on 415.555.2671', 'US', '+14155552671'],
  ])('reads %s (region %s)', (text, region, value) => {
    expect(phones(text, region).map(([v]) => v)).toEqual([value]);
  });

  it('finds two numbers in one message', () => {
    expect(phones('office +44 20 7946 0958, mobile (415) 555-2671').map(([v]) => v)).toEqual(['+442079460958', '+14155552671']);
  });

  it.each(['we are 250 people', 'order 12345', 'between 200-1000 people', 'on 03/04/2025', '555-0000'])('finds nothing in %s', (text) => {
    expect(phones(text)).toEqual([]);
  });
});
