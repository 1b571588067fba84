import { CHANNELS } from '@parley/core';
import { z } from 'zod';
import { scalarSchema } from './common.schema';

const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day such as 09:00');
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const validRegex = z.string().refine((source) => {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

export const timeWindowSchema = z.strictObject({
  after: clock.optional(),
  before: clock.optional(),
  days: z.array(z.enum(WEEKDAYS)).min(1).optional(),
  /** IANA zone; default: the contact's `timezone` attribute, then the flow's `timezone`. */
  timezone: z.string().optional(),
});

/** Every clause given must hold (AND); `any`, `all` and `not` combine conditions. */
export const conditionSchema = z.strictObject({
  attribute: z.string().optional(),
  equals: scalarSchema.optional(),
  in: z.array(z.union([z.string(), z.number()])).optional(),
  gte: z.number().optional(),
  lte: z.number().optional(),
  exists: z.boolean().optional(),
  matches: validRegex.optional(),
  intent: oneOrMany.optional(),
  entity: z.union([z.string().min(1), z.strictObject({ type: z.string().min(1), equals: scalarSchema.optional() })]).optional(),
  keyword: oneOrMany.optional(),
  segment: oneOrMany.optional(),
  score: z.strictObject({ gte: z.number().optional(), lte: z.number().optional() }).optional(),
  channel: z.union([z.enum(CHANNELS), z.array(z.enum(CHANNELS)).min(1)]).optional(),
  locale: oneOrMany.optional(),
  time: timeWindowSchema.optional(),
  get all() {
    return z.array(conditionSchema).min(1).optional();
  },
  get any() {
    return z.array(conditionSchema).min(1).optional();
  },
  get not() {
    return conditionSchema.optional();
  },
});

export type Condition = z.infer<typeof conditionSchema>;
export type TimeWindow = z.infer<typeof timeWindowSchema>;
