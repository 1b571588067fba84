export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'dead';

export const JOB_STATUSES: readonly JobStatus[] = ['pending', 'running', 'done', 'failed', 'dead'];

/** One outbox row as the queue sees it. `attempts` counts claims, so a crashed run counts too. */
export interface OutboxJob {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  status: JobStatus;
  attempts: number;
  runAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ClaimRequest {
  /** Only these types are claimed: a type without a handler stays pending, untouched. */
  types: readonly string[];
  limit: number;
  now: Date;
  leaseMs: number;
}

export interface JobFailure {
  error: string;
  /** When to try again; null sends the job to `dead`. */
  retryAt: Date | null;
  now: Date;
}

export interface JobQuery {
  status?: JobStatus;
  limit: number;
  offset: number;
}

/**
 * The job queue's storage. A claim leases due jobs (pending, failed and due, or running with an expired
 * lease); complete and fail only apply to the lease they were given, so a worker that lost its lease
 * to a crash-recovery claim cannot overwrite the newer run's outcome.
 */
export abstract class JobStore {
  abstract claim(request: ClaimRequest): Promise<OutboxJob[]>;
  /** `note` (why a job was skipped) is kept in lastError of the done job. */
  abstract complete(job: Pick<OutboxJob, 'id' | 'attempts'>, now: Date, note?: string): Promise<boolean>;
  abstract fail(job: Pick<OutboxJob, 'id' | 'attempts'>, failure: JobFailure): Promise<boolean>;
  abstract list(query: JobQuery): Promise<OutboxJob[]>;
  abstract get(id: string): Promise<OutboxJob | undefined>;
  /** Makes a failed or dead job due now with a fresh attempt budget (retried: false for other statuses); undefined if there is no such job. */
  abstract retry(id: string, now: Date): Promise<{ job: OutboxJob; retried: boolean } | undefined>;
}
