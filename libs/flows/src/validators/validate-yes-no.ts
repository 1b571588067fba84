import { MAX_ANSWER_LENGTH, normalise, ordinalOf, REJECTED, type Answer, type Validation } from './answer';

const YES = ['yes', 'y', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'of course', 'absolutely', 'confirm', 'i agree', 'agree', 'si', 'sí', 'ja', 'oui', '👍'];
const NO = ['no', 'n', 'nope', 'nah', 'no thanks', 'no thank you', 'not now', 'never', 'decline', 'nein', 'non'];

function said(words: string[], text: string): boolean {
  const cleaned = text.replace(/[.!,]+$/u, '').trim();
  return words.includes(cleaned) || words.some((w) => w.length >= 2 && cleaned.startsWith(`${w} `));
}

/** Yes or no as a boolean; "1" and "2" pick them on channels that number the options Yes, No. */
export function validateYesNo(answer: Answer): Validation {
  const payload = answer.payload?.toLowerCase();
  if (payload === 'yes' || payload === 'no') return { ok: true, value: payload === 'yes' };
  const text = normalise(answer.text?.slice(0, MAX_ANSWER_LENGTH) ?? '');
  const ordinal = ordinalOf(text);
  if (ordinal === 1 || ordinal === 2) return { ok: true, value: ordinal === 1 };
  const yes = said(YES, text);
  const no = said(NO, text);
  return yes !== no ? { ok: true, value: yes } : REJECTED;
}
