import { MAX_ANSWER_LENGTH, normalise, ordinalOf, REJECTED, type Answer, type Validation } from './answer';

const YES = ['yes', 'y', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'of course', 'absolutely', 'confirm', 'i agree', 'agree', 'si', 'sí', 'ja', 'oui', '👍'];
const NO = ['no', 'n', 'nope', 'nah', 'no thanks', 'no thank you', 'not now', 'never', 'decline', 'nein', 'non'];

const NEGATION = /\b(not|don'?t|never|maybe)\b/u;

function startsWith(words: string[], text: string): boolean {
  return words.some((w) => text === w || (w.length >= 2 && text.startsWith(`${w} `)));
}

function mentions(words: string[], text: string): boolean {
  const padded = ` ${text} `;
  return words.some((w) => padded.includes(` ${w} `));
}

/** A reply that starts with yes (or no) and does not also say the other, nor hedge ("not sure"). */
function said(side: 'yes' | 'no', text: string): boolean {
  const [own, other] = side === 'yes' ? [YES, NO] : [NO, YES];
  if (own.includes(text)) return true;
  if (!startsWith(own, text) || mentions(other, text)) return false;
  return side === 'no' || !NEGATION.test(text);
}

/** Yes or no as a boolean; "1" and "2" pick them on channels that number the options Yes, No. */
export function validateYesNo(answer: Answer): Validation {
  const payload = answer.payload?.toLowerCase();
  if (payload === 'yes' || payload === 'no') return { ok: true, value: payload === 'yes' };
  const text = normalise(answer.text?.slice(0, MAX_ANSWER_LENGTH) ?? '');
  const ordinal = ordinalOf(text);
  if (ordinal === 1 || ordinal === 2) return { ok: true, value: ordinal === 1 };
  const cleaned = text.replace(/[.!?,]+/gu, ' ').replace(/\s+/g, ' ').trim();
  const yes = said('yes', cleaned);
  const no = said('no', cleaned);
  return yes !== no ? { ok: true, value: yes } : REJECTED;
}
