import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HandoffSla, HandoffThreads, PostHandoffCard } from '@parley/channels-slack';
import type { ParleyConfig } from '@parley/config';
import { Clock, ConversationEngine } from '@parley/engine';
import { BullmqDriver, CrmLeads, CrmPushHandler, HubspotClient, JobStore, JobWorker, QueueOutbox, WebhookHandler } from '@parley/followup';
import { CampaignJobHandler } from '../campaigns/campaign-job.handler';
import { EmailSetup } from '../email/email-setup';
import { LeadScoringService } from '../scoring/lead-scoring.service';
import { HandoffJobHandler } from '../slack/handoff-job.handler';
import { ShutdownState } from '../shutdown/shutdown-state';
import { FlowTimeoutHandler } from './flow-timeout.handler';
import { CONFIG } from '../tokens';

/**
 * Runs the job queue from bootstrap until shutdown: the db driver (polls outbox_jobs), or the bullmq driver
 * when REDIS_URL is set (relays due outbox rows to BullMQ). It stops before the database closes
 * (beforeApplicationShutdown runs ahead of onApplicationShutdown) and drains in-flight jobs.
 */
@Injectable()
export class JobWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly worker: JobWorker | BullmqDriver;
  private stopping: Promise<void> | undefined;

  constructor(
    @Inject(CONFIG) private readonly config: ParleyConfig,
    private readonly shutdown: ShutdownState,
    store: JobStore,
    outbox: QueueOutbox,
    leads: CrmLeads,
    postHandoffCard: PostHandoffCard,
    handoffSla: HandoffSla,
    email: EmailSetup,
    campaigns: CampaignJobHandler,
    scoring: LeadScoringService,
    threads: HandoffThreads,
    engine: ConversationEngine,
    clock: Clock,
  ) {
    const webhook = new WebhookHandler({ url: config.CRM_WEBHOOK_URL, secret: config.CRM_WEBHOOK_SECRET, timeoutMs: config.CRM_WEBHOOK_TIMEOUT_MS });
    const hubspot = config.HUBSPOT_TOKEN ? { client: new HubspotClient({ token: config.HUBSPOT_TOKEN, apiUrl: config.HUBSPOT_API_URL, timeoutMs: config.CRM_WEBHOOK_TIMEOUT_MS }), leads } : undefined;
    const handlers = [new CrmPushHandler({ webhook, hubspot }), new HandoffJobHandler(postHandoffCard, handoffSla, threads), email.handler, campaigns, scoring, new FlowTimeoutHandler(engine)];
    const common = {
      store,
      handlers,
      pollMs: config.JOBS_POLL_MS,
      leaseMs: config.JOBS_LEASE_MS,
      batchSize: config.JOBS_BATCH_SIZE,
      backoff: { baseMs: config.JOBS_BACKOFF_BASE_MS, maxMs: config.JOBS_BACKOFF_MAX_MS, maxAttempts: config.JOBS_MAX_ATTEMPTS },
      log: new Logger('Jobs'),
      // The engine's clock decides what is due, so a test that moves time moves SLA timers and delays too.
      now: () => clock.now(),
    };
    this.worker = config.REDIS_URL ? new BullmqDriver({ ...common, outbox, redisUrl: config.REDIS_URL, prefix: config.JOBS_QUEUE_PREFIX }) : new JobWorker(common);
  }

  /** The bullmq driver loads and connects here; while Redis is unreachable it logs and keeps reconnecting, and the outbox keeps the jobs. */
  onApplicationBootstrap(): Promise<void> | void {
    return this.worker.start();
  }

  /** In-flight jobs get what is left of SHUTDOWN_GRACE_MS; one cut short is retried (lease expiry / BullMQ stall check), by this instance after a restart or by another. */
  beforeApplicationShutdown(): Promise<void> {
    this.stopping ??= this.worker.stop(Math.max(500, this.shutdown.remainingMs(this.config.SHUTDOWN_GRACE_MS)));
    return this.stopping;
  }
}
