import { z } from 'zod';
import { includesValue, matchesRegex, oneOrManySchema, regexSchema, scalarSchema } from '../common/primitives';
import type { ScoreTrigger } from './score-trigger';

/** Which triggers a rule (or a behaviour segment) reacts to; every field given must match. */
export const eventMatcherSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('intent'), intent: oneOrManySchema.optional(), minConfidence: z.number().min(0).max(1).optional() }),
  z.strictObject({ kind: z.literal('answer'), attribute: z.string().min(1), equals: scalarSchema.optional() }),
  z.strictObject({ kind: z.literal('page_visit'), url: regexSchema.optional() }),
  z.strictObject({ kind: z.literal('email_opened'), campaign: oneOrManySchema.optional() }),
  z.strictObject({ kind: z.literal('email_clicked'), campaign: oneOrManySchema.optional(), url: regexSchema.optional() }),
  z.strictObject({ kind: z.literal('campaign_reply'), campaign: oneOrManySchema.optional() }),
  z.strictObject({ kind: z.literal('consent'), purpose: oneOrManySchema.optional(), granted: z.boolean().default(true) }),
  z.strictObject({ kind: z.literal('unsubscribed') }),
  z.strictObject({ kind: z.literal('event'), name: oneOrManySchema }),
]);

export type EventMatcher = z.infer<typeof eventMatcherSchema>;

export function eventMatches(matcher: EventMatcher, trigger: ScoreTrigger): boolean {
  if (matcher.kind !== trigger.kind) return false;
  switch (matcher.kind) {
    case 'intent': {
      const t = trigger as Extract<ScoreTrigger, { kind: 'intent' }>;
      return includesValue(matcher.intent, t.intent) && (matcher.minConfidence === undefined || (t.confidence ?? 1) >= matcher.minConfidence);
    }
    case 'answer': {
      const t = trigger as Extract<ScoreTrigger, { kind: 'answer' }>;
      return t.attribute === matcher.attribute && (matcher.equals === undefined || sameScalar(matcher.equals, t.value));
    }
    case 'page_visit':
      return matchesRegex(matcher.url, (trigger as Extract<ScoreTrigger, { kind: 'page_visit' }>).url);
    case 'email_opened':
    case 'campaign_reply':
      return includesValue(matcher.campaign, (trigger as { campaign?: string }).campaign);
    case 'email_clicked': {
      const t = trigger as Extract<ScoreTrigger, { kind: 'email_clicked' }>;
      return includesValue(matcher.campaign, t.campaign) && matchesRegex(matcher.url, t.url);
    }
    case 'consent': {
      const t = trigger as Extract<ScoreTrigger, { kind: 'consent' }>;
      return includesValue(matcher.purpose, t.purpose) && t.granted === matcher.granted;
    }
    case 'unsubscribed':
      return true;
    case 'event':
      return includesValue(matcher.name, (trigger as Extract<ScoreTrigger, { kind: 'event' }>).name);
  }
}

/** Strings compare without case; numbers also match their decimal text ("250" = 250). */
export function sameScalar(expected: string | number | boolean, actual: unknown): boolean {
  if (actual === undefined || actual === null) return false;
  if (typeof expected === 'string') return String(actual).toLowerCase() === expected.toLowerCase();
  if (typeof expected === 'number') return Number(actual) === expected;

  return actual === expected || String(actual).toLowerCase() === String(expected);
}
