import { extractMoney } from './money';

const money = (text: string) => extractMoney(text).map((e) => [e.value, e.text]);

describe('extractMoney', () => {
  it.each([
    ['our budget is $1,200 per month', { amount: 1200, currency: 'USD' }, '$1,200'],
    ['€50', { amount: 50, currency: 'EUR' }, '€50'],
    ['£ 9.99', { amount: 9.99, currency: 'GBP' }, '£ 9.99'],
    ['1.5k USD', { amount: 1500, currency: 'USD' }, '1.5k USD'],
    ['USD 300', { amount: 300, currency: 'USD' }, 'USD 300'],
    ['300 euros', { amount: 300, currency: 'EUR' }, '300 euros'],
    ['about 20 bucks', { amount: 20, currency: 'USD' }, '20 bucks'],
    ['50€ max', { amount: 50, currency: 'EUR' }, '50€'],
    ['two thousand dollars', { amount: 2000, currency: 'USD' }, 'two thousand dollars'],
  ])('reads %s', (text, value, span) => {
    expect(money(text)).toEqual([[value, span]]);
  });

  it.each(['250 people', 'the dollar is strong', 'audit 300 files'])('finds nothing in %s', (text) => {
    expect(money(text)).toEqual([]);
  });
});
