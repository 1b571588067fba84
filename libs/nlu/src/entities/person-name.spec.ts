import { extractPersonNames } from './person-name';

const names = (text: string, expected = ['person_name']) =>
  extractPersonNames(text, { defaultRegion: 'US', now: new Date(0), expected }).map((e) => [e.value, e.text]);

describe('extractPersonNames', () => {
  it.each([
    ["I'm Jane from Acme", 'Jane', 'Jane'],
    ['my name is jean-luc picard', 'Jean-Luc Picard', 'jean-luc picard'],
    ['hi, this is Priya Patel.', 'Priya Patel', 'Priya Patel'],
    ['call me Bob', 'Bob', 'Bob'],
    ['Jane Doe', 'Jane Doe', 'Jane Doe'],
    ['josé', 'José', 'josé'],
    ['me llamo Lucía', 'Lucía', 'Lucía'],
  ])('reads %s', (text, value, span) => {
    expect(names(text)).toEqual([[value, span]]);
  });

  it('also answers a free-text question', () => {
    expect(names("I'm Jane", ['text'])).toEqual([['Jane', 'Jane']]);
  });

  it('stays quiet when no name is expected', () => {
    expect(names("I'm Jane", ['email'])).toEqual([]);
  });

  it.each(["i'm looking for pricing", "I'm interested in a demo", 'yes please', "sure, it's jane@acme.io", 'this is great', 'how much is it'])(
    'finds no name in %s',
    (text) => {
      expect(names(text)).toEqual([]);
    },
  );
});
