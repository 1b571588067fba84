import type { ChoiceOption } from '../nodes/ask-node.schema';
import { allTranslations } from '../template/localise';
import { firstNumber, MAX_ANSWER_LENGTH, normalise, ordinalOf, REJECTED, type Answer, type Validation } from './answer';

/** Payload, then the option's number, then its title or a synonym, then a number inside an option's range. */
export function matchChoice(options: readonly ChoiceOption[], answer: Answer): ChoiceOption | undefined {
  if (answer.payload) {
    const byPayload = options.find((o) => o.payload === answer.payload);
    if (byPayload) return byPayload;
  }
  const text = normalise(answer.text?.slice(0, MAX_ANSWER_LENGTH) ?? '');
  if (!text) return undefined;
  const ordinal = ordinalOf(text);
  if (ordinal !== undefined && ordinal >= 1 && ordinal <= options.length) return options[ordinal - 1];
  const exact = options.find((o) =>
    [...allTranslations(o.title), o.payload, ...(o.synonyms ?? [])].some((word) => normalise(word) === text),
  );
  if (exact) return exact;
  const words = ` ${text.replace(/[^\p{L}\p{N}+ ]/gu, ' ')} `;
  const mentioned = options.find((o) => (o.synonyms ?? []).some((s) => words.includes(` ${normalise(s)} `)));
  if (mentioned) return mentioned;
  const n = firstNumber(answer);
  if (n === undefined) return undefined;
  return options.find((o) => o.range && n >= o.range[0] && n <= o.range[1]);
}

export function validateChoice(options: readonly ChoiceOption[] | undefined, answer: Answer): Validation {
  const option = matchChoice(options ?? [], answer);
  return option ? { ok: true, value: option.payload } : REJECTED;
}
