import { z } from 'zod';
import { nodeIdSchema, scalarSchema, withVariants } from '../schema/common.schema';

export const scoreNodeSchema = withVariants({
  type: z.literal('score'),
  event: z.string().regex(/^[a-z][a-z0-9_.]*$/, 'lower-case letters, digits, _ and .'),
  /** Points the scoring rules may use; the rules of libs/scoring have the last word. */
  points: z.number().int().optional(),
  properties: z.record(z.string().min(1), scalarSchema).optional(),
  next: nodeIdSchema.optional(),
});

export type ScoreNode = z.infer<typeof scoreNodeSchema>;
