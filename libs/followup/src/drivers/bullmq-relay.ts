import type { Queue } from 'bullmq';
import type { JobHandler } from '../job-handler';
import type { WorkerLog } from '../job-worker';
import { bullmqJobId } from './bullmq-job-id';
import type { RelayedJob } from './bullmq-processor';
import type { QueueOutbox } from './queue-outbox.port';

export interface BullmqRelayOptions {
  outbox: QueueOutbox;
  queue: Queue<RelayedJob>;
  handlers: readonly JobHandler[];
  maxAttempts: number;
  pollMs: number;
  leaseMs: number;
  batchSize: number;
  log: WorkerLog;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * Moves due outbox rows to the queue. The message id is the row's idempotency key, so relaying a row the
 * queue still holds is a no-op; a finished message for a row that is due again (a replay, or an outcome
 * lost to a crash) is replaced so the row runs again.
 */
export class BullmqRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly waiting = new Map<JobHandler, string>();

  constructor(private readonly options: BullmqRelayOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One relay round; returns how many rows it handed over. */
  async tick(now = new Date()): Promise<number> {
    const types = this.readyTypes();
    if (!types.length) return 0;
    const rows = await this.options.outbox.relay({ types, limit: this.options.batchSize, now, leaseMs: this.options.leaseMs });
    for (const row of rows) await this.hand(row.id, row.type, bullmqJobId(row.idempotencyKey));
    return rows.length;
  }

  private async hand(rowId: string, type: string, jobId: string): Promise<void> {
    const existing = await this.options.queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed') return;
      await existing.remove();
    }
    await this.options.queue.add(type, { rowId }, { jobId, attempts: this.options.maxAttempts, backoff: { type: 'parley' }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => {
          this.options.log.error(`job relay failed: ${describe(error)}`);
          return 0;
        })
        .then((moved) => this.schedule(moved >= this.options.batchSize ? 0 : this.options.pollMs));
    }, delayMs);
  }

  private readyTypes(): string[] {
    const types: string[] = [];
    for (const handler of this.options.handlers) {
      const reason = handler.unavailable();
      if (reason) {
        if (this.waiting.get(handler) !== reason) this.options.log.warn(`${handler.types.join(', ')} jobs wait (stay pending): ${reason}`);
        this.waiting.set(handler, reason);
        continue;
      }
      if (this.waiting.delete(handler)) this.options.log.log(`${handler.types.join(', ')} jobs run again`);
      types.push(...handler.types);
    }
    return types;
  }
}
