import { isGsm7 } from './count-segments';

const LOOKALIKES: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u2033]/g, '"'],
  [/[\u2013\u2014\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2007\u202F]/g, ' '],
];

/**
 * One curly quote turns a whole text into UCS-2 (70 characters a segment instead of 160):
 * typographic punctuation is swapped for its GSM-7 lookalike when that makes the text GSM-7.
 */
export function toGsmLookalikes(text: string): string {
  if (isGsm7(text)) return text;
  const plain = LOOKALIKES.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
  return isGsm7(plain) ? plain : text;
}
