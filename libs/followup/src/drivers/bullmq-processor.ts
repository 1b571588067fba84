import type { Job } from 'bullmq';
import { DEFAULT_BACKOFF, nextRunAt, type BackoffPolicy } from '../backoff';
import { PermanentJobError, type JobHandler } from '../job-handler';
import type { JobStore } from '../job-store.port';
import type { WorkerLog } from '../job-worker';
import { RetryLater } from './bullmq-job-id';
import type { QueueOutbox } from './queue-outbox.port';

export interface RelayedJob {
  rowId: string;
}

export interface BullmqProcessorOptions {
  store: JobStore;
  outbox: QueueOutbox;
  handlers: readonly JobHandler[];
  leaseMs: number;
  backoff?: BackoffPolicy;
  log: WorkerLog;
  signal: AbortSignal;
  /** BullMQ's UnrecoverableError (no retry), passed in so this file loads without bullmq. */
  unrecoverable: (message: string) => Error;
  now?: () => Date;
  random?: () => number;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * One BullMQ try of one outbox row: the row is read and counted first (it, not the queue message, is the
 * truth), the handler runs, and the outcome is written back. A retryable failure throws RetryLater with the
 * same jittered delay the db driver would use; a refusal or a spent budget throws BullMQ's UnrecoverableError.
 */
export function bullmqProcessor(options: BullmqProcessorOptions): (job: Job<RelayedJob>) => Promise<void> {
  const byType = new Map<string, JobHandler>();
  for (const handler of options.handlers) for (const type of handler.types) byType.set(type, handler);
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? DEFAULT_BACKOFF;

  return async (message) => {
    const row = await options.outbox.start(message.data.rowId, now(), options.leaseMs);
    if (!row) return; // done or dead since it was relayed (a replayed message)
    try {
      const handler = byType.get(row.type);
      if (!handler) throw new PermanentJobError(`no handler for ${row.type}`);
      const outcome = await handler.handle(row, { idempotencyKey: row.idempotencyKey, attempt: row.attempts, signal: options.signal });
      if (outcome) options.log.log(`job ${row.id} (${row.type}) skipped: ${outcome.skipped}`);
      await options.store.complete(row, now(), outcome?.skipped);
    } catch (error) {
      const at = now();
      const retryAt = error instanceof PermanentJobError ? null : nextRunAt(row.attempts, at, backoff, options.random);
      const text = describe(error);
      await options.store.fail(row, { error: text, retryAt, now: at }).catch((e: unknown) => options.log.error(`could not record job ${row.id} failure: ${describe(e)}`));
      if (!retryAt) {
        options.log.warn(`job ${row.id} (${row.type}) is dead after ${row.attempts} attempt(s): ${text}`);
        throw options.unrecoverable(text);
      }
      throw new RetryLater(text, retryAt.getTime() - at.getTime());
    }
  };
}
