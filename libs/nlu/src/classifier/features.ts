import { wordTokens } from '../text/fold-text';
import type { Stem } from '../text/stemmer';

const CHAR_MIN = 3;
const CHAR_MAX = 5;

/**
 * The feature strings of a text: stemmed word unigrams and bigrams, and character 3–5-grams
 * across the whole lower-cased text with spaces as word boundaries (robust to typos and inflection).
 */
export function featureStrings(text: string, stem: Stem): string[] {
  const tokens = wordTokens(text);
  const out: string[] = [];
  const stems = tokens.map(stem);
  for (let i = 0; i < stems.length; i++) {
    out.push(`w:${stems[i]}`);
    if (i > 0) out.push(`b:${stems[i - 1]} ${stems[i]}`);
  }
  const padded = ` ${tokens.join(' ')} `;
  for (let n = CHAR_MIN; n <= CHAR_MAX; n++) {
    for (let i = 0; i + n <= padded.length; i++) out.push(`c:${padded.substring(i, i + n)}`);
  }

  return out;
}
