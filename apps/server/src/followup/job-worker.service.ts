import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PostHandoffCard } from '@parley/channels-slack';
import type { ParleyConfig } from '@parley/config';
import { JobStore, JobWorker, WebhookHandler } from '@parley/followup';
import { EmailSetup } from '../email/email-setup';
import { HandoffJobHandler } from '../slack/handoff-job.handler';
import { CONFIG } from '../tokens';

/**
 * The db job-queue driver: polls outbox_jobs from bootstrap until shutdown. It stops before the
 * database closes (beforeApplicationShutdown runs ahead of onApplicationShutdown) and drains in-flight jobs.
 */
@Injectable()
export class JobWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly worker: JobWorker;

  constructor(@Inject(CONFIG) config: ParleyConfig, store: JobStore, postHandoffCard: PostHandoffCard, email: EmailSetup) {
    this.worker = new JobWorker({
      store,
      handlers: [new WebhookHandler({ url: config.CRM_WEBHOOK_URL, secret: config.CRM_WEBHOOK_SECRET, timeoutMs: config.CRM_WEBHOOK_TIMEOUT_MS }), new HandoffJobHandler(postHandoffCard), email.handler],
      pollMs: config.JOBS_POLL_MS,
      leaseMs: config.JOBS_LEASE_MS,
      batchSize: config.JOBS_BATCH_SIZE,
      backoff: { baseMs: config.JOBS_BACKOFF_BASE_MS, maxMs: config.JOBS_BACKOFF_MAX_MS, maxAttempts: config.JOBS_MAX_ATTEMPTS },
      log: new Logger('Jobs'),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.worker.stop();
  }
}
