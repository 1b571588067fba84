import { handoffRequestSchema, handoffSlaSchema, type HandoffSla, type HandoffThreads, type PostHandoffCard } from '@parley/channels-slack';
import { PermanentJobError, type JobContext, type JobHandler, type JobSkipped, type OutboxJob } from '@parley/followup';
import { HANDOFF_SLA_JOB } from './sql-handoff-timers';

/** Runs `handoff.request` jobs (the card goes to the Slack sales desk) and `handoff.sla` timers (ping, re-route). */
export class HandoffJobHandler implements JobHandler {
  readonly types = ['handoff.request', HANDOFF_SLA_JOB] as const;

  constructor(
    private readonly postCard: PostHandoffCard,
    private readonly sla: HandoffSla,
    private readonly threads?: HandoffThreads,
  ) {}

  unavailable(): string | undefined {
    return this.postCard.unavailable();
  }

  async handle(job: OutboxJob, context: JobContext): Promise<void | JobSkipped> {
    if (job.type === HANDOFF_SLA_JOB) {
      const timer = handoffSlaSchema.safeParse(job.payload);
      if (!timer.success) throw new PermanentJobError(`${HANDOFF_SLA_JOB} ${job.id} has a malformed payload`);
      const outcome = await this.sla.run(timer.data.conversationId, timer.data.step, timer.data.round);
      return outcome === 'stale' ? { skipped: 'the card was claimed, closed, snoozed or moved since' } : undefined;
    }
    const request = handoffRequestSchema.safeParse(job.payload);
    if (!request.success) throw new PermanentJobError(`handoff.request ${job.id} has a malformed payload`);
    // The lifecycle's SQL handoff stands back when the flow already handed the conversation to sales.
    if (job.payload.unlessCarded === true && (await this.threads?.byConversation(request.data.conversationId))) return { skipped: 'the conversation has a handoff card already' };
    await this.postCard.execute(request.data, context.idempotencyKey);
  }
}
