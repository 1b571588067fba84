import { z } from 'zod';
import { localisedTextSchema, nodeIdSchema, withVariants } from '../schema/common.schema';

export const consentNodeSchema = withVariants({
  type: z.literal('consent'),
  purpose: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _'),
  /** Said word for word and recorded with its version: no templates. */
  disclosure: z.strictObject({ version: z.string().min(1), text: localisedTextSchema }),
  method: z.enum(['express', 'double_opt_in']).default('express'),
  /** Offer Yes / No buttons (numbered options on SMS); off when the disclosure says "Reply YES". */
  buttons: z.boolean().default(true),
  retryText: localisedTextSchema.optional(),
  maxRetries: z.number().int().min(0).max(10).default(2),
  fallback: nodeIdSchema.optional(),
  yes: nodeIdSchema,
  no: nodeIdSchema,
});

export type ConsentNode = z.infer<typeof consentNodeSchema>;
