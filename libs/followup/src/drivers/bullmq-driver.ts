import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { DEFAULT_BACKOFF, type BackoffPolicy } from '../backoff';
import type { JobHandler } from '../job-handler';
import type { JobStore } from '../job-store.port';
import type { WorkerLog } from '../job-worker';
import { RetryLater } from './bullmq-job-id';
import { bullmqProcessor, type RelayedJob } from './bullmq-processor';
import { BullmqRelay } from './bullmq-relay';
import type { QueueOutbox } from './queue-outbox.port';

export interface BullmqDriverOptions {
  redisUrl: string;
  /** Key prefix in Redis: one per deployment (or test run) sharing a Redis. */
  prefix: string;
  store: JobStore;
  outbox: QueueOutbox;
  handlers: readonly JobHandler[];
  pollMs: number;
  leaseMs: number;
  batchSize: number;
  backoff?: BackoffPolicy;
  log: WorkerLog;
}

const QUEUE = 'parley-jobs';

/** The bullmq job-queue driver: the outbox relay plus a BullMQ worker, with the same start/stop as JobWorker. */
export class BullmqDriver {
  private readonly connections: IORedis[] = [];
  private readonly abort = new AbortController();
  private readonly queue: Queue<RelayedJob>;
  private readonly relay: BullmqRelay;
  private worker: Worker<RelayedJob> | undefined;

  constructor(private readonly options: BullmqDriverOptions) {
    const backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.queue = new Queue<RelayedJob>(QUEUE, { connection: this.connect(), prefix: options.prefix });
    this.relay = new BullmqRelay({ ...options, queue: this.queue, maxAttempts: backoff.maxAttempts });
  }

  start(): void {
    const { options } = this;
    const processor = bullmqProcessor({ ...options, signal: this.abort.signal });
    this.worker = new Worker<RelayedJob>(QUEUE, processor, {
      connection: this.connect(),
      prefix: options.prefix,
      concurrency: options.batchSize,
      settings: { backoffStrategy: (_attempts, _type, error) => (error instanceof RetryLater ? error.delayMs : 1_000) },
    });
    this.worker.on('error', (error) => options.log.error(`job queue worker: ${error.message}`));
    this.relay.start();
  }

  /** Stops relaying, lets in-flight jobs finish for up to `graceMs`, then aborts them, and closes every Redis connection. */
  async stop(graceMs = 10_000): Promise<void> {
    await this.relay.stop();
    const grace = setTimeout(() => this.abort.abort(new Error('worker shutting down')), graceMs);
    await this.worker?.close();
    clearTimeout(grace);
    await this.queue.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }

  private connect(): IORedis {
    const connection = new IORedis(this.options.redisUrl, { maxRetriesPerRequest: null });
    this.connections.push(connection);
    return connection;
  }
}
