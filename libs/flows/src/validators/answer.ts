import type { Entity } from '@parley/core';

export interface Answer {
  text?: string;
  payload?: string;
  entities: readonly Entity[];
}

export interface ValidateOptions {
  /** Reference instant for relative dates ("tomorrow"); the engine's clock. */
  now?: Date;
  locale?: string;
}

export type Validation = { ok: true; value: string | number | boolean } | { ok: false };

export const REJECTED: Validation = { ok: false };

/** Longest answer accepted anywhere: longer input is not an answer, it is a paste. */
export const MAX_ANSWER_LENGTH = 500;

const NUMBER = /-?\d[\d,]*(?:\.\d+)?/;

export function entityOf(answer: Answer, type: string): Entity | undefined {
  return answer.entities.find((e) => e.type === type);
}

export function normalise(text: string): string {
  return text.trim().toLowerCase();
}

/** The number an answer gives: an NLU number entity first, else the first number written. */
export function firstNumber(answer: Answer): number | undefined {
  const entity = entityOf(answer, 'number') ?? entityOf(answer, 'company_size');
  if (entity && typeof entity.value === 'number' && Number.isFinite(entity.value)) return entity.value;
  const match = answer.text?.slice(0, MAX_ANSWER_LENGTH).match(NUMBER);
  if (!match) return undefined;
  const n = Number(match[0].replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** "2", "2.", "#2" or "option 2": a pick of a numbered list (SMS), 1-based. */
export function ordinalOf(text: string | undefined): number | undefined {
  const match = /^\s*(?:#|option\s*|no\.?\s*)?(\d{1,2})\s*[.)]?\s*$/i.exec(text ?? '');
  return match ? Number(match[1]) : undefined;
}
