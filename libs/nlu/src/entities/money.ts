import type { Entity } from '@parley/core';
import { entity } from './entity-context';
import { parseQuantity, QUANTITY } from './numerals';

const SYMBOLS: Record<string, string> = { $: 'USD', 'us$': 'USD', 'ca$': 'CAD', 'a$': 'AUD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', bucks: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', quid: 'GBP',
  yen: 'JPY', rupees: 'INR', francs: 'CHF',
};
const CODES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'INR', 'CHF', 'SEK', 'NOK', 'DKK', 'MXN', 'BRL'];
const SYMBOL = String.raw`us\$|ca\$|a\$|[$€£¥₹]`;
const CODE = CODES.join('|');
const WORD = Object.keys(WORDS).join('|');
const MONEY = new RegExp(
  String.raw`(?:(${SYMBOL})\s?(${QUANTITY})|\b(${CODE})\s?(${QUANTITY})|(${QUANTITY})\s?(?:(${SYMBOL})|(${CODE})\b|(${WORD})\b))`,
  'giu',
);
const HAS_CURRENCY = new RegExp(String.raw`[$€£¥₹]|\b(?:${CODE}|${WORD})\b`, 'iu');

/** Amounts with a currency: "$1,200", "€50", "1.5k USD", "300 euros" → { amount, currency: ISO 4217 }. */
export function extractMoney(text: string): Entity[] {
  if (!HAS_CURRENCY.test(text)) return [];
  const found: Entity[] = [];
  for (const m of text.matchAll(MONEY)) {
    const amount = parseQuantity(m[2] ?? m[4] ?? m[5]);
    const currency = currencyOf(m[1] ?? m[3] ?? m[6] ?? m[7] ?? m[8]);
    if (amount !== undefined && currency) found.push(entity('money', { amount, currency }, text, m.index, m.index + m[0].length));
  }

  return found;
}

function currencyOf(marker: string): string | undefined {
  const lower = marker.toLowerCase();

  return SYMBOLS[lower] ?? WORDS[lower] ?? (CODES.includes(marker.toUpperCase()) ? marker.toUpperCase() : undefined);
}
