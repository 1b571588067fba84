import type { Entity } from '@parley/core';
import type { AskNode, ChoiceOption } from './flow-schema';

export interface Answer {
  text?: string;
  payload?: string;
  entities: Entity[];
}

export type Validation = { ok: true; value: string | number } | { ok: false };

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;
const NUMBER = /-?\d[\d,]*(?:\.\d+)?/;
const MAX_TEXT_ANSWER = 500;

function entityOf(answer: Answer, type: string): Entity | undefined {
  return answer.entities.find((e) => e.type === type);
}

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

function firstNumber(answer: Answer): number | undefined {
  const entity = entityOf(answer, 'number') ?? entityOf(answer, 'company_size');
  if (entity && typeof entity.value === 'number') return entity.value;
  const match = answer.text?.match(NUMBER);
  return match ? Number(match[0].replace(/,/g, '')) : undefined;
}

function matchChoice(options: ChoiceOption[], answer: Answer): ChoiceOption | undefined {
  if (answer.payload) {
    const byPayload = options.find((o) => o.payload === answer.payload);
    if (byPayload) return byPayload;
  }
  const text = normalise(answer.text ?? '');
  if (!text) return undefined;
  const ordinal = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
  if (ordinal >= 1 && ordinal <= options.length) return options[ordinal - 1];
  const exact = options.find((o) =>
    [o.title, o.payload, ...(o.synonyms ?? [])].some((word) => normalise(word) === text),
  );
  if (exact) return exact;
  const words = ` ${text.replace(/[^\p{L}\p{N}+ ]/gu, ' ')} `;
  const mentioned = options.find((o) => (o.synonyms ?? []).some((s) => words.includes(` ${normalise(s)} `)));
  if (mentioned) return mentioned;
  const n = firstNumber(answer);
  if (n === undefined) return undefined;
  return options.find((o) => o.range && n >= o.range[0] && n <= o.range[1]);
}

export function validateAnswer(node: AskNode, answer: Answer): Validation {
  const text = answer.text?.trim() ?? '';
  switch (node.validate) {
    case 'text':
      return text && text.length <= MAX_TEXT_ANSWER ? { ok: true, value: text } : { ok: false };
    case 'email': {
      const entity = entityOf(answer, 'email');
      if (entity) return { ok: true, value: String(entity.value) };
      const match = text.match(EMAIL);
      return match ? { ok: true, value: match[0].toLowerCase() } : { ok: false };
    }
    case 'number': {
      const n = firstNumber(answer);
      return n === undefined || Number.isNaN(n) ? { ok: false } : { ok: true, value: n };
    }
    case 'choice': {
      const option = matchChoice(node.options ?? [], answer);
      return option ? { ok: true, value: option.payload } : { ok: false };
    }
  }
}
