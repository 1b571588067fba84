import type { Entity } from '@parley/core';
import { entity } from './entity-context';
import { parseQuantity, QUANTITY } from './numerals';

const NUMBER = new RegExp(String.raw`(?<![\p{L}\d])-?${QUANTITY}(?![\p{L}\d])`, 'giu');
const MAY_HOLD_NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)/i;

export function extractNumbers(text: string): Entity[] {
  if (!MAY_HOLD_NUMBER.test(text)) return [];
  const found: Entity[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const negative = m[0].startsWith('-') && (m.index === 0 || /\s/.test(text[m.index - 1]));
    const start = m[0].startsWith('-') && !negative ? m.index + 1 : m.index;
    const value = parseQuantity(m[0].replace(/^-/, ''));
    if (value !== undefined) found.push(entity('number', negative ? -value : value, text, start, m.index + m[0].length));
  }

  return found;
}
