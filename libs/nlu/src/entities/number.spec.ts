import { extractNumbers } from './number';
import { parseQuantity } from './numerals';

const numbers = (text: string) => extractNumbers(text).map((e) => [e.value, e.text]);

describe('extractNumbers', () => {
  it.each([
    ['about 1,200 of them', 1200, '1,200'],
    ['version 2.5', 2.5, '2.5'],
    ['2.5k', 2500, '2.5k'],
    ['3 million', 3_000_000, '3 million'],
    ['twenty-five', 25, 'twenty-five'],
    ['a hundred', 100, 'a hundred'],
    ['two thousand and five', 2005, 'two thousand and five'],
    ['it was -3 outside', -3, '-3'],
  ])('reads %s', (text, value, span) => {
    expect(numbers(text)).toEqual([[value, span]]);
  });

  it('reads each number of a range, not a negative one', () => {
    expect(numbers('rooms 12-14')).toEqual([
      [12, '12'],
      [14, '14'],
    ]);
  });

  it('does not read numbers inside words', () => {
    expect(numbers('someone at abc123 said nothing')).toEqual([]);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['1,200', 1200],
    ['1.5bn', 1.5e9],
    ['ninety nine', 99],
    ['one hundred twenty', 120],
    ['a dozen', 12],
  ])('%s is %d', (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });

  it('gives up on what is not a number', () => {
    expect(parseQuantity('many')).toBeUndefined();
  });
});
