import type { OutboxJob } from './job-store.port';

export interface JobContext {
  /** Sent on to the receiver (e.g. as a header) so a retried job never has a double effect there. */
  idempotencyKey: string;
  attempt: number;
  signal: AbortSignal;
}

/** A job that ran without its effect on purpose (no consent, sequence exited): done, and the reason kept. */
export interface JobSkipped {
  skipped: string;
}

/** Runs the side effect of some job types. */
export interface JobHandler {
  readonly types: readonly string[];
  /** Why the handler cannot run now (missing configuration); its jobs then wait, pending. */
  unavailable(): string | undefined;
  handle(job: OutboxJob, context: JobContext): Promise<void | JobSkipped>;
}

/** A failure that a retry cannot fix (the receiver refused the request): the job goes straight to dead. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}
