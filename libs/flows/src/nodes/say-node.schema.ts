import { z } from 'zod';
import { cardSchema, localisedTextSchema, mediaSchema, nodeIdSchema, quickReplySchema, whatsAppTemplateSchema, withVariants } from '../schema/common.schema';

export const sayNodeSchema = withVariants({
  type: z.literal('say'),
  text: localisedTextSchema,
  /** What a voice channel speaks instead of `text` (no URLs, no emoji). */
  speech: localisedTextSchema.optional(),
  quickReplies: z.array(quickReplySchema).optional(),
  media: mediaSchema.optional(),
  card: cardSchema.optional(),
  whatsappTemplate: whatsAppTemplateSchema.optional(),
  next: nodeIdSchema.optional(),
});

export type SayNode = z.infer<typeof sayNodeSchema>;
