import { z } from 'zod';
import { matchesRegex, regexSchema, scalarSchema } from '../common/primitives';
import { sameScalar } from './event-matcher';

/** A test of one contact attribute; every clause given must hold. */
export const attributeConditionSchema = z
  .strictObject({
    attribute: z.string().min(1),
    equals: scalarSchema.optional(),
    in: z.array(scalarSchema).min(1).optional(),
    gte: z.number().optional(),
    lte: z.number().optional(),
    exists: z.boolean().optional(),
    matches: regexSchema.optional(),
  })
  .refine((c) => Object.keys(c).length > 1, 'give at least one test besides `attribute`');

export type AttributeCondition = z.infer<typeof attributeConditionSchema>;

export function attributeHolds(condition: AttributeCondition, attributes: Record<string, unknown>): boolean {
  const value = attributes[condition.attribute];
  const present = value !== undefined && value !== null && value !== '';
  if (condition.exists !== undefined && condition.exists !== present) return false;
  if (!present) return condition.exists === false;
  if (condition.equals !== undefined && !sameScalar(condition.equals, value)) return false;
  if (condition.in !== undefined && !condition.in.some((expected) => sameScalar(expected, value))) return false;
  const number = Number(value);
  if (condition.gte !== undefined && !(number >= condition.gte)) return false;
  if (condition.lte !== undefined && !(number <= condition.lte)) return false;

  return matchesRegex(condition.matches, String(value));
}
