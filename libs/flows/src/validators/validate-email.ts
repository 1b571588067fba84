import { entityOf, MAX_ANSWER_LENGTH, REJECTED, type Answer, type Validation } from './answer';

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;

export function validateEmail(answer: Answer): Validation {
  const entity = entityOf(answer, 'email');
  if (entity && typeof entity.value === 'string') return { ok: true, value: entity.value.toLowerCase() };
  const match = answer.text?.slice(0, MAX_ANSWER_LENGTH).match(EMAIL);
  return match ? { ok: true, value: match[0].toLowerCase() } : REJECTED;
}
