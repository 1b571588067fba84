import type { JobContext, JobHandler } from './job-handler';
import { PermanentJobError } from './job-handler';
import type { OutboxJob } from './job-store.port';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook-signature';

export const WEBHOOK_JOB_TYPES = ['followup.crm_push', 'followup.webhook', 'crm.push'] as const;

export interface WebhookTarget {
  url?: string;
  secret?: string;
  timeoutMs?: number;
}

/** 408 and 429 are the receiver asking us to come back later; every other 4xx is a refusal. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * Delivers CRM pushes and outbound webhooks as signed JSON POSTs. The delivery header carries the
 * job's idempotency key, the same on every retry, so the receiver can drop a repeat.
 */
export class WebhookHandler implements JobHandler {
  readonly types = WEBHOOK_JOB_TYPES;

  constructor(private readonly target: WebhookTarget) {}

  unavailable(): string | undefined {
    if (!this.target.url) return 'CRM_WEBHOOK_URL is not set';
    if (!this.target.secret) return 'CRM_WEBHOOK_SECRET is not set (deliveries are always signed)';
    return undefined;
  }

  async handle(job: OutboxJob, context: JobContext): Promise<void> {
    const body = JSON.stringify({ id: job.id, type: job.type, idempotencyKey: context.idempotencyKey, createdAt: job.createdAt.toISOString(), payload: job.payload });
    const timestamp = Math.floor(Date.now() / 1000);
    const timeout = AbortSignal.timeout(this.target.timeoutMs ?? 10_000);
    const response = await fetch(this.target.url!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Parley-Webhooks/1',
        [SIGNATURE_HEADER]: signWebhook(this.target.secret!, body, timestamp),
        [DELIVERY_HEADER]: context.idempotencyKey,
      },
      body,
      signal: AbortSignal.any([timeout, context.signal]),
    });
    const excerpt = (await response.text().catch(() => '')).slice(0, 200);
    if (response.ok) return;
    const message = `${this.target.url} answered ${response.status}${excerpt ? `: ${excerpt}` : ''}`;
    if (retryable(response.status)) throw new Error(message);
    throw new PermanentJobError(message);
  }
}
