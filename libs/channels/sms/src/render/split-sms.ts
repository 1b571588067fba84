import { countSegments } from './count-segments';

/**
 * Up to this many segments travel as one concatenated SMS; a longer text is sent as several
 * messages, since long concatenations are dropped more often and cost the same per segment.
 */
export const MAX_SEGMENTS_PER_SMS = 3;

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

function pieces(text: string, fits: (part: string) => boolean): string[] {
  return Array.from(sentences.segment(text), ({ segment }) => segment).flatMap((sentence) => {
    if (fits(sentence.trim())) return [sentence];
    return sentence.split(/(?<=\s)/).flatMap((word) => (fits(word.trim()) ? [word] : Array.from(word)));
  });
}

/**
 * Most replies are short: a text of at most 66 UTF-16 units per segment fits whatever its encoding (a UCS-2
 * segment holds 67 units, one lost when a surrogate pair would straddle; GSM-7 units are at most twice the length).
 */
function surelyFits(text: string, maxSegments: number): boolean {
  return maxSegments >= 1 && text.length <= 66 * maxSegments;
}

/** Splits a text too long for one SMS where sentences end (else between words, else anywhere). */
export function splitSms(text: string, maxSegments = MAX_SEGMENTS_PER_SMS): string[] {
  const fits = (part: string) => countSegments(part).segments <= maxSegments;
  const whole = text.trim();
  if (surelyFits(whole, maxSegments) || fits(whole)) return whole ? [whole] : [];
  const parts: string[] = [];
  let current = '';
  for (const piece of pieces(whole, fits)) {
    if (current && !fits((current + piece).trim())) {
      parts.push(current.trim());
      current = '';
    }
    current += piece;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}
