import { z } from 'zod';

/** The payload of a `handoff.request` outbox job (engine jobs-from-flow). */
export const handoffRequestSchema = z.object({
  contactId: z.string(),
  conversationId: z.string(),
  channel: z.string(),
  queue: z.string().optional(),
  priority: z.string().optional(),
  reason: z.string().optional(),
  /** Score and top reasons when the producer knows them; otherwise the job handler reads them before posting. */
  score: z.object({ total: z.number(), reasons: z.array(z.string()) }).optional(),
});

export type HandoffRequest = z.infer<typeof handoffRequestSchema>;

/** The payload of a `handoff.sla` job: one SLA step of one card. */
export const handoffSlaSchema = z.object({
  conversationId: z.string(),
  step: z.enum(['ping', 'reroute']),
  round: z.number().int().min(0),
});
