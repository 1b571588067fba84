import type { OutboxJob } from '../job-store.port';

export interface RelayRequest {
  types: readonly string[];
  limit: number;
  now: Date;
  /** How long a relayed row is left to the queue before it is relayed again (a no-op while the queue still has it). */
  leaseMs: number;
}

/**
 * The outbox as a queue driver (bullmq) sees it: the outbox stays the source of truth, the queue only
 * carries row ids. Outcomes go back through JobStore.complete / fail with the attempt `start` returned.
 */
export abstract class QueueOutbox {
  /** Rows to hand to the queue: pending and due, failed and overdue (the queue lost the retry), or running with an expired lease. */
  abstract relay(request: RelayRequest): Promise<OutboxJob[]>;
  /** Marks one try as begun (running, attempts + 1, leased); undefined when the row is done, dead or gone. */
  abstract start(id: string, now: Date, leaseMs: number): Promise<OutboxJob | undefined>;
}
