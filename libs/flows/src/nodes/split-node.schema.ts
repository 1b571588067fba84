import { z } from 'zod';
import { nodeIdSchema, withVariants } from '../schema/common.schema';

export const splitArmSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, _ and -'),
  percent: z.number().min(0).max(100),
  next: nodeIdSchema,
});

export const splitNodeSchema = withVariants({
  type: z.literal('split'),
  /** Names the experiment in conversion stats; default: the node id. */
  experiment: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/).optional(),
  arms: z.array(splitArmSchema).min(2),
});

export type SplitNode = z.infer<typeof splitNodeSchema>;
export type SplitArm = z.infer<typeof splitArmSchema>;
