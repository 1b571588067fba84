import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { entityOf, MAX_ANSWER_LENGTH, REJECTED, type Answer, type Validation } from './answer';

/** Accepts a valid number in E.164 form; numbers without +prefix are read as numbers of `country`. */
export function validatePhone(answer: Answer, country = 'US'): Validation {
  const entity = entityOf(answer, 'phone');
  if (entity && typeof entity.value === 'string' && /^\+\d{6,15}$/.test(entity.value)) return { ok: true, value: entity.value };
  const text = answer.text?.slice(0, MAX_ANSWER_LENGTH) ?? '';
  if (!/\d/.test(text)) return REJECTED;
  const found = findPhoneNumbersInText(text, country as CountryCode).find((m) => m.number.isValid());
  if (found) return { ok: true, value: found.number.number };
  const parsed = parsePhoneNumberFromString(text, country as CountryCode);
  return parsed?.isValid() ? { ok: true, value: parsed.number } : REJECTED;
}
