import { z } from 'zod';

/** The payload of a `handoff.request` outbox job (engine jobs-from-flow). */
export const handoffRequestSchema = z.object({
  contactId: z.string(),
  conversationId: z.string(),
  channel: z.string(),
  queue: z.string().optional(),
  priority: z.string().optional(),
  reason: z.string().optional(),
});

export type HandoffRequest = z.infer<typeof handoffRequestSchema>;
