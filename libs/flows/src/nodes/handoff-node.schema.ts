import { z } from 'zod';
import { localisedTextSchema, nodeIdSchema, withVariants } from '../schema/common.schema';

export const handoffNodeSchema = withVariants({
  type: z.literal('handoff'),
  queue: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'a queue name such as sales or support'),
  text: localisedTextSchema.optional(),
  /** Shown to the agent; a template. */
  reason: z.string().optional(),
  priority: z.enum(['low', 'normal', 'high']).default('normal'),
  next: nodeIdSchema.optional(),
});

export type HandoffNode = z.infer<typeof handoffNodeSchema>;
