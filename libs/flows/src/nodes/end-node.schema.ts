import { z } from 'zod';
import { localisedTextSchema, withVariants } from '../schema/common.schema';

export const endNodeSchema = withVariants({
  type: z.literal('end'),
  text: localisedTextSchema.optional(),
});

export type EndNode = z.infer<typeof endNodeSchema>;
