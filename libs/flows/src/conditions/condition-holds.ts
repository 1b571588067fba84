import type { ChannelName, Entity } from '@parley/core';
import type { Condition } from '../schema/condition.schema';
import { withinTimeWindow } from './time-of-day';

export interface ConditionFacts {
  attributes: Readonly<Record<string, unknown>>;
  channel: ChannelName;
  intent?: string;
  entities?: readonly Entity[];
  /** The text of the message being handled. */
  text?: string;
  segments?: readonly string[];
  score?: number;
  locale?: string;
  now?: Date;
  /** Zone for time windows that name none. */
  timezone?: string;
}

const list = (value: string | readonly string[]) => (typeof value === 'string' ? [value] : value);
const language = (locale: string) => locale.split('-')[0].toLowerCase();
/** `pt-BR` must match exactly; `pt` matches any Portuguese. */
const localeMatches = (wanted: string, current: string) =>
  wanted.includes('-') ? wanted.toLowerCase() === current.toLowerCase() : language(wanted) === language(current);

function safeRegex(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'iu');
  } catch {
    return undefined;
  }
}

function attributeHolds(c: Condition, value: unknown): boolean {
  if (c.exists !== undefined && (value !== undefined && value !== null && value !== '') !== c.exists) return false;
  if (c.equals !== undefined && value !== c.equals) return false;
  if (c.in !== undefined && !c.in.includes(value as string | number)) return false;
  if (c.gte !== undefined && !(typeof value === 'number' && value >= c.gte)) return false;
  if (c.lte !== undefined && !(typeof value === 'number' && value <= c.lte)) return false;
  if (c.matches !== undefined && !(typeof value === 'string' && safeRegex(c.matches)?.test(value))) return false;
  return true;
}

function keywordHolds(keywords: readonly string[], text: string | undefined): boolean {
  const words = ` ${(text ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  return keywords.some((k) => words.includes(` ${k.toLowerCase().trim()} `));
}

function entityHolds(wanted: NonNullable<Condition['entity']>, entities: readonly Entity[] = []): boolean {
  const { type, equals } = typeof wanted === 'string' ? { type: wanted, equals: undefined } : wanted;
  return entities.some((e) => e.type === type && (equals === undefined || e.value === equals));
}

/** Every clause given must hold (AND); `all`, `any` and `not` nest. An empty condition holds. */
export function conditionHolds(c: Condition, facts: ConditionFacts): boolean {
  if (c.attribute !== undefined && !attributeHolds(c, facts.attributes[c.attribute])) return false;
  if (c.intent !== undefined && !(facts.intent !== undefined && list(c.intent).includes(facts.intent))) return false;
  if (c.entity !== undefined && !entityHolds(c.entity, facts.entities)) return false;
  if (c.keyword !== undefined && !keywordHolds(list(c.keyword), facts.text)) return false;
  if (c.segment !== undefined && !list(c.segment).some((s) => facts.segments?.includes(s))) return false;
  if (c.score !== undefined) {
    const score = facts.score ?? 0;
    if ((c.score.gte !== undefined && score < c.score.gte) || (c.score.lte !== undefined && score > c.score.lte)) return false;
  }
  if (c.channel !== undefined && !list(c.channel).includes(facts.channel)) return false;
  if (c.locale !== undefined && !list(c.locale).some((l) => localeMatches(l, facts.locale ?? ''))) return false;
  if (c.time !== undefined && !(facts.now && withinTimeWindow(c.time, facts.now, facts.timezone ?? 'UTC'))) return false;
  if (c.all !== undefined && !c.all.every((inner) => conditionHolds(inner, facts))) return false;
  if (c.any !== undefined && !c.any.some((inner) => conditionHolds(inner, facts))) return false;
  if (c.not !== undefined && conditionHolds(c.not, facts)) return false;
  return true;
}
