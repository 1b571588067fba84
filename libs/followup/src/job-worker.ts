import { DEFAULT_BACKOFF, nextRunAt, type BackoffPolicy } from './backoff';
import { PermanentJobError, type JobHandler } from './job-handler';
import type { JobStore, OutboxJob } from './job-store.port';

export interface WorkerLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface JobWorkerOptions {
  store: JobStore;
  handlers: readonly JobHandler[];
  pollMs?: number;
  leaseMs?: number;
  batchSize?: number;
  backoff?: BackoffPolicy;
  log?: WorkerLog;
  now?: () => Date;
  random?: () => number;
}

const silent: WorkerLog = { log: () => undefined, warn: () => undefined, error: () => undefined };
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * Polls the store for due jobs, runs each with its type's handler and records the outcome.
 * A run is at-least-once (a crash after the effect but before `complete` runs it again); the
 * idempotency key every handler passes on is what makes it exactly-once at the receiver.
 */
export class JobWorker {
  private readonly byType = new Map<string, JobHandler>();
  private readonly waiting = new Map<JobHandler, string>();
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly backoff: BackoffPolicy;
  private readonly logger: WorkerLog;
  private readonly now: () => Date;

  constructor(private readonly options: JobWorkerOptions) {
    for (const handler of options.handlers) for (const type of handler.types) this.byType.set(type, handler);
    this.pollMs = options.pollMs ?? 200;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 20;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.logger = options.log ?? silent;
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops claiming, lets in-flight jobs finish for up to `graceMs`, then aborts them (they are retried later). */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (!this.running) return;
    const grace = setTimeout(() => this.abort.abort(new Error('worker shutting down')), graceMs);
    await this.running;
    clearTimeout(grace);
  }

  /** One claim-and-run round; returns how many jobs it ran. */
  async tick(): Promise<number> {
    const types = this.readyTypes();
    if (!types.length) return 0;
    const jobs = await this.options.store.claim({ types, limit: this.batchSize, now: this.now(), leaseMs: this.leaseMs });
    await Promise.all(jobs.map((job) => this.run(job)));
    return jobs.length;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => {
          this.logger.error(`job queue poll failed: ${describe(error)}`);
          return 0;
        })
        .then((ran) => this.schedule(ran >= this.batchSize ? 0 : this.pollMs));
    }, delayMs);
  }

  private readyTypes(): string[] {
    const types: string[] = [];
    for (const handler of new Set(this.byType.values())) {
      const reason = handler.unavailable();
      if (reason) {
        if (this.waiting.get(handler) !== reason) this.logger.warn(`${handler.types.join(', ')} jobs wait (stay pending): ${reason}`);
        this.waiting.set(handler, reason);
        continue;
      }
      if (this.waiting.delete(handler)) this.logger.log(`${handler.types.join(', ')} jobs run again`);
      types.push(...handler.types);
    }
    return types;
  }

  private async run(job: OutboxJob): Promise<void> {
    const handler = this.byType.get(job.type)!;
    try {
      const outcome = await handler.handle(job, { idempotencyKey: job.idempotencyKey, attempt: job.attempts, signal: this.abort.signal });
      if (outcome) this.logger.log(`job ${job.id} (${job.type}) skipped: ${outcome.skipped}`);
      await this.options.store.complete(job, this.now(), outcome?.skipped);
    } catch (error) {
      const now = this.now();
      const retryAt = error instanceof PermanentJobError ? null : nextRunAt(job.attempts, now, this.backoff, this.options.random);
      const message = describe(error);
      if (!retryAt) this.logger.warn(`job ${job.id} (${job.type}) is dead after ${job.attempts} attempt(s): ${message}`);
      await this.options.store.fail(job, { error: message, retryAt, now }).catch((e: unknown) => this.logger.error(`could not record job ${job.id} failure: ${describe(e)}`));
    }
  }
}
