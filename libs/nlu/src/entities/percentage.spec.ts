import { extractPercentages } from './percentage';

const percentages = (text: string) => extractPercentages(text).map((e) => [e.value, e.text]);

describe('extractPercentages', () => {
  it.each([
    ['maybe 15% off', 15, '15%'],
    ['12.5 %', 12.5, '12.5 %'],
    ['twenty percent', 20, 'twenty percent'],
    ['40 per cent of our leads', 40, '40 per cent'],
  ])('reads %s', (text, value, span) => {
    expect(percentages(text)).toEqual([[value, span]]);
  });

  it('leaves figures above 100 to the number extractor', () => {
    expect(percentages('150% growth')).toEqual([]);
  });
});
