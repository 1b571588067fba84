import { Inject, Injectable } from '@nestjs/common';
import { smsChannelProblem } from '@parley/channels-sms';
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
    // The same rule the SMS channel uses to pick its sender: while it is off, campaigns wait instead of failing every text.
    const problem =
      smsChannelProblem({ accountSid: config.TWILIO_ACCOUNT_SID, authToken: config.TWILIO_AUTH_TOKEN, publicBaseUrl: config.PUBLIC_BASE_URL }) ??
      (config.TWILIO_FROM ? undefined : 'missing TWILIO_FROM');
    this.problem = problem && `the SMS channel is off (${problem}): campaigns wait until it is configured`;
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
    await this.sender.sendHeld(campaignId, recipientId);
  }
}
