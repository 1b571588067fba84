import { z } from 'zod';
import { nodeIdSchema, scalarSchema, withVariants } from '../schema/common.schema';

const tag = z.string().regex(/^[a-z0-9][a-z0-9_:-]*$/, 'lower-case letters, digits, _ : and -');

export const setNodeSchema = withVariants({
  type: z.literal('set'),
  /** String values are templates: `fullName: "{{contact.firstName}} {{contact.lastName}}"`. */
  attributes: z.record(z.string().min(1), z.union([scalarSchema, z.null()])).optional(),
  tags: z.strictObject({ add: z.array(tag).optional(), remove: z.array(tag).optional() }).optional(),
  next: nodeIdSchema.optional(),
});

export type SetNode = z.infer<typeof setNodeSchema>;
