import { Inject, Injectable } from '@nestjs/common';
import type { ParleyConfig } from '@parley/config';
import { CampaignSender } from '@parley/engine';
import { PermanentJobError, type JobHandler, type OutboxJob } from '@parley/followup';
import { CAMPAIGN_HELD, CAMPAIGN_RUN } from '@parley/persistence';
import { CONFIG } from '../tokens';

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** Runs campaigns on the job worker: `campaign.run` sends one slice of a campaign, `campaign.held` one recipient whose window opened. */
@Injectable()
export class CampaignJobHandler implements JobHandler {
  readonly types = [CAMPAIGN_RUN, CAMPAIGN_HELD] as const;
  private readonly problem: string | undefined;

  constructor(
    private readonly sender: CampaignSender,
    @Inject(CONFIG) config: ParleyConfig,
  ) {
    const configured = config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM;
    this.problem = configured ? undefined : 'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM must be set to send SMS campaigns';
  }

  unavailable(): string | undefined {
    return this.problem;
  }

  async handle(job: OutboxJob): Promise<void> {
    const campaignId = text(job.payload.campaignId);
    if (!campaignId) throw new PermanentJobError('payload has no campaignId');
    if (job.type === CAMPAIGN_RUN) {
      await this.sender.runSlice(campaignId, Number(job.payload.slice) || 1);
      return;
    }
    const recipientId = text(job.payload.recipientId);
    if (!recipientId) throw new PermanentJobError('payload has no recipientId');
    await this.sender.sendHeld(recipientId);
  }
}
