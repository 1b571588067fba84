import { z } from 'zod';
import { durationSchema, localisedTextSchema, nodeIdSchema, quickReplySchema, whatsAppTemplateSchema, withVariants } from '../schema/common.schema';

export const waitNodeSchema = withVariants({
  type: z.literal('wait'),
  text: localisedTextSchema.optional(),
  speech: localisedTextSchema.optional(),
  quickReplies: z.array(quickReplySchema).optional(),
  whatsappTemplate: whatsAppTemplateSchema.optional(),
  timeout: durationSchema,
  /** Stores the reply (the pressed payload, else the text). */
  attribute: z.string().min(1).optional(),
  next: nodeIdSchema,
  onTimeout: nodeIdSchema,
});

export type WaitNode = z.infer<typeof waitNodeSchema>;
