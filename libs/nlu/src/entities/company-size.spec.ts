import { extractCompanySizes } from './company-size';

const sizes = (text: string) => extractCompanySizes(text).map((e) => [e.value, e.text]);

describe('extractCompanySizes', () => {
  it.each([
    ['we are about 250 people', 250, 'about 250 people'],
    ['1,200 employees', 1200, '1,200 employees'],
    ['5k employees worldwide', 5000, '5k employees'],
    ['fifty people', 50, 'fifty people'],
    ['a team of 12', 12, 'team of 12'],
    ['headcount is around 80', 80, 'headcount is around 80'],
    ["we're a 10-person startup", 10, '10-person startup'],
    ["we're 40 strong", 40, "we're 40"],
    ['just me for now', 1, 'just me'],
    ['1000+ employees', 1000, '1000+ employees'],
  ])('reads %s', (text, value, span) => {
    expect(sizes(text)).toEqual([[value, span]]);
  });

  it.each([
    ['200-1000 people', 600],
    ['between 50 and 100 employees', 75],
    ['10 to 15 staff', 13],
  ])('takes the rounded midpoint of the range %s', (text, value) => {
    expect(sizes(text).map(([v]) => v)).toEqual([value]);
  });

  it.each(['we are 2 days late', 'I have 3 questions', '250'])('finds nothing in %s', (text) => {
    expect(sizes(text)).toEqual([]);
  });
});
