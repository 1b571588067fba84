import type { ConversationEngine } from '@parley/engine';
import { PermanentJobError, type JobHandler, type JobSkipped, type OutboxJob } from '@parley/followup';
import { z } from 'zod';

const flowTimeoutSchema = z.object({
  conversationId: z.string().min(1),
  nodeId: z.string().min(1),
  until: z.string().optional(),
});

/**
 * Runs `flow.timeout` outbox jobs (a wait node's deadline): the flow takes its onTimeout path. What it says then
 * passes the engine's outbound gate like any message; a refusal (WhatsApp's window closed) is kept as the reason.
 */
export class FlowTimeoutHandler implements JobHandler {
  readonly types = ['flow.timeout'] as const;

  constructor(private readonly engine: ConversationEngine) {}

  unavailable(): string | undefined {
    return undefined;
  }

  async handle(job: OutboxJob): Promise<void | JobSkipped> {
    const payload = flowTimeoutSchema.safeParse(job.payload);
    if (!payload.success) throw new PermanentJobError(`flow.timeout ${job.id} has a malformed payload`);
    const { conversationId, nodeId, until } = payload.data;
    const result = await this.engine.timeout(conversationId, { nodeId, ...(until ? { until } : {}) });
    if (!result) return { skipped: `conversation ${conversationId} no longer exists` };
    if (result.refused?.length) return { skipped: `not sent: ${[...new Set(result.refused.map((r) => r.reason))].join(', ')}` };
  }
}
