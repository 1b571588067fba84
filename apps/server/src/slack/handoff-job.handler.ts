import { handoffRequestSchema, type PostHandoffCard } from '@parley/channels-slack';
import { PermanentJobError, type JobContext, type JobHandler, type OutboxJob } from '@parley/followup';

/** Runs `handoff.request` outbox jobs: the card goes to the Slack sales desk. */
export class HandoffJobHandler implements JobHandler {
  readonly types = ['handoff.request'] as const;

  constructor(private readonly postCard: PostHandoffCard) {}

  unavailable(): string | undefined {
    return this.postCard.unavailable();
  }

  async handle(job: OutboxJob, context: JobContext): Promise<void> {
    const request = handoffRequestSchema.safeParse(job.payload);
    if (!request.success) throw new PermanentJobError(`handoff.request ${job.id} has a malformed payload`);
    await this.postCard.execute(request.data, context.idempotencyKey);
  }
}
