import type { Entity } from '@parley/core';
import { entity } from './entity-context';
import { parseQuantity, QUANTITY } from './numerals';

const PERCENTAGE = new RegExp(String.raw`(${QUANTITY})\s?(?:%|per\s?cent\b|pct\b|percentage points?\b)`, 'giu');

/** Shares of a whole, 0..100; larger figures ("150% growth") are left to the number extractor. */
export function extractPercentages(text: string): Entity[] {
  if (!/%|per|pct/i.test(text)) return [];
  const found: Entity[] = [];
  for (const m of text.matchAll(PERCENTAGE)) {
    const value = parseQuantity(m[1]);
    if (value !== undefined && value >= 0 && value <= 100) found.push(entity('percentage', value, text, m.index, m.index + m[0].length));
  }

  return found;
}
