import { MAX_ANSWER_LENGTH, normalise, ordinalOf, REJECTED, type Answer, type Validation } from './answer';

const YES = ['yes', 'y', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'of course', 'absolutely', 'confirm', 'agree', 'si', 'sí', 'ja', 'oui', 'sim', '👍'];
const NO = ['no', 'n', 'nope', 'nah', 'not really', 'not now', 'never', 'decline', 'nein', 'non', 'não', 'nee', '👎'];
const NEGATION = /\b(not|don'?t|doesn'?t|isn'?t)\b/u;
const HEDGE = /\b(maybe|perhaps|not sure|dunno|don'?t know|no idea)\b/u;
/** Longer replies are sentences, not answers to a yes/no question. */
const MAX_WORDS = 8;

function mentions(words: readonly string[], text: string): boolean {
  const padded = ` ${text} `;
  return words.some((w) => padded.includes(` ${w} `));
}

/** Yes or no as a boolean; "1" and "2" pick them on channels that number the options Yes, No. */
export function validateYesNo(answer: Answer): Validation {
  const payload = answer.payload?.toLowerCase();
  if (payload === 'yes' || payload === 'no') return { ok: true, value: payload === 'yes' };
  const text = normalise(answer.text?.slice(0, MAX_ANSWER_LENGTH) ?? '')
    .replace(/[.!?,;:]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const ordinal = ordinalOf(text);
  if (ordinal === 1 || ordinal === 2) return { ok: true, value: ordinal === 1 };
  if (YES.includes(text) || NO.includes(text)) return { ok: true, value: YES.includes(text) };
  if (!text || text.split(' ').length > MAX_WORDS || HEDGE.test(text)) return REJECTED;
  const yes = mentions(YES, text);
  const no = mentions(NO, text) || NEGATION.test(text);
  return yes !== no ? { ok: true, value: yes } : REJECTED;
}
