import { z } from 'zod';
import { flowIdSchema, nodeIdSchema, withVariants } from '../schema/common.schema';

/** Either `next` (a node of this flow) or `flow` (another flow, at its start or at `node`). */
export const gotoNodeSchema = withVariants({
  type: z.literal('goto'),
  next: nodeIdSchema.optional(),
  flow: flowIdSchema.optional(),
  node: nodeIdSchema.optional(),
});

export type GotoNode = z.infer<typeof gotoNodeSchema>;
