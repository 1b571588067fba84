import type { Queue, Worker } from 'bullmq';
import type IORedis from 'ioredis';
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

/** Waits for `work`, but no longer than `ms`; its failure is not this caller's concern. */
async function within(work: Promise<unknown> | undefined, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work?.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * The bullmq job-queue driver: the outbox relay plus a BullMQ worker, with JobWorker's start/stop. bullmq and
 * ioredis are loaded on start, so the CLI and the db driver (everything that imports @parley/followup) do not pay for them.
 */
export class BullmqDriver {
  private readonly connections: IORedis[] = [];
  private readonly abort = new AbortController();
  private queue: Queue<RelayedJob> | undefined;
  private relay: BullmqRelay | undefined;
  private worker: Worker<RelayedJob> | undefined;
  private starting: Promise<void> | undefined;

  constructor(private readonly options: BullmqDriverOptions) {}

  start(): Promise<void> {
    this.starting ??= this.open();
    return this.starting;
  }

  /**
   * Stops relaying, lets in-flight jobs finish for up to `graceMs`, then aborts them, and closes every Redis
   * connection. Each step is bounded: with Redis gone, BullMQ's close would wait for it forever.
   */
  async stop(graceMs = 10_000): Promise<void> {
    await within(this.starting, graceMs);
    await within(this.relay?.stop(), 2_000);
    const grace = setTimeout(() => this.abort.abort(new Error('worker shutting down')), graceMs);
    await within(this.worker?.close(), graceMs + 1_000);
    clearTimeout(grace);
    await within(this.queue?.close(), 2_000);
    for (const connection of this.connections) connection.disconnect();
  }

  private async open(): Promise<void> {
    const { options } = this;
    const [{ Queue, Worker, UnrecoverableError }, { default: Redis }] = await Promise.all([import('bullmq'), import('ioredis')]);
    const connect = () => {
      const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
      this.connections.push(connection);
      return connection;
    };
    const backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.queue = new Queue<RelayedJob>(QUEUE, { connection: connect(), prefix: options.prefix });
    this.relay = new BullmqRelay({ ...options, queue: this.queue, maxAttempts: backoff.maxAttempts });
    const processor = bullmqProcessor({ ...options, signal: this.abort.signal, unrecoverable: (message) => new UnrecoverableError(message) });
    this.worker = new Worker<RelayedJob>(QUEUE, processor, {
      connection: connect(),
      prefix: options.prefix,
      concurrency: options.batchSize,
      // A crashed instance's active jobs go back to waiting once their lock lapses: JOBS_LEASE_MS, like the db driver's lease.
      lockDuration: options.leaseMs,
      stalledInterval: options.leaseMs,
      settings: { backoffStrategy: (_attempts, _type, error) => (error instanceof RetryLater ? error.delayMs : 1_000) },
    });
    this.worker.on('error', (error) => options.log.error(`job queue worker: ${error.message}`));
    this.queue.on('error', (error) => options.log.error(`job queue: ${error.message}`));
    this.relay.start();
  }
}
