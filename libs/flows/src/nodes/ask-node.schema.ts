import { z } from 'zod';
import { localisedTextSchema, nodeIdSchema, withVariants } from '../schema/common.schema';

export const ASK_VALIDATORS = ['text', 'email', 'phone', 'number', 'choice', 'date', 'time', 'datetime', 'yesno'] as const;

export const choiceOptionSchema = z.strictObject({
  title: localisedTextSchema,
  payload: z.string().min(1),
  synonyms: z.array(z.string()).optional(),
  /** A number in the answer that falls in [min, max] picks this option ("about 250 people"). */
  range: z.tuple([z.number(), z.number()]).optional(),
});

export const askNodeSchema = withVariants({
  type: z.literal('ask'),
  text: localisedTextSchema,
  speech: localisedTextSchema.optional(),
  attribute: z.string().min(1),
  validate: z.enum(ASK_VALIDATORS).default('text'),
  options: z.array(choiceOptionSchema).optional(),
  /** number: bounds of the value; text: bounds of the length. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** text: the answer must match this regular expression. */
  pattern: z.string().optional(),
  /** phone: the country of numbers written without a +prefix (ISO 3166 alpha-2). */
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  retryText: localisedTextSchema.optional(),
  maxRetries: z.number().int().min(0).max(10).default(2),
  fallback: nodeIdSchema.optional(),
  next: nodeIdSchema.optional(),
});

export type AskNode = z.infer<typeof askNodeSchema>;
export type AskValidator = (typeof ASK_VALIDATORS)[number];
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;
