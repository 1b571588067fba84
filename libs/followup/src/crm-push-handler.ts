import type { HubspotClient } from './drivers/hubspot-client';
import { pushToHubspot } from './drivers/hubspot-push';
import type { CrmLeads } from './drivers/crm-lead.port';
import type { JobContext, JobHandler, JobSkipped } from './job-handler';
import type { OutboxJob } from './job-store.port';
import { WEBHOOK_JOB_TYPES, type WebhookHandler } from './webhook-handler';

export interface CrmPushOptions {
  webhook: WebhookHandler;
  /** Set when HUBSPOT_TOKEN is: crm_push jobs whose target is `hubspot` go to HubSpot instead of the webhook. */
  hubspot?: { client: HubspotClient; leads: CrmLeads };
}

const toHubspot = (job: OutboxJob) => job.type !== 'followup.webhook' && job.payload.target === 'hubspot';

/** Routes CRM pushes: to HubSpot's API when configured and targeted, to the signed webhook otherwise. */
export class CrmPushHandler implements JobHandler {
  readonly types = WEBHOOK_JOB_TYPES;

  constructor(private readonly options: CrmPushOptions) {}

  unavailable(): string | undefined {
    return this.options.hubspot ? undefined : this.options.webhook.unavailable();
  }

  async handle(job: OutboxJob, context: JobContext): Promise<void | JobSkipped> {
    const { hubspot, webhook } = this.options;
    if (hubspot && toHubspot(job)) return pushToHubspot(hubspot.client, hubspot.leads, job, context);
    // with HubSpot on, the webhook's jobs are claimed too: they fail and back off (dead once the budget is spent) until the webhook is set up
    const reason = webhook.unavailable();
    if (reason) throw new Error(reason);
    return webhook.handle(job, context);
  }
}
