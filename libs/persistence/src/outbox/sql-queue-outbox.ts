import { QueueOutbox, type OutboxJob, type RelayRequest } from '@parley/followup';
import type { SqlDatabase, SqlValue } from '../sql/sql-database';
import { JOB_COLUMNS, toJobRecord, type OutboxJobRow } from './job-rows';

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * QueueOutbox on outbox_jobs. Relaying only leases the row (locked_until) and counts no attempt: a try is
 * counted when the queue's worker starts it. A failed row is relayed again only a lease after its retry was
 * due, since until then the queue's own delayed retry is expected to run it.
 */
export class SqlQueueOutbox extends QueueOutbox {
  constructor(private readonly db: SqlDatabase) {
    super();
  }

  async relay(request: RelayRequest): Promise<OutboxJob[]> {
    if (!request.types.length || request.limit < 1) return [];
    const now = request.now.toISOString();
    const overdue = new Date(request.now.getTime() - request.leaseMs).toISOString();
    const lockedUntil = new Date(request.now.getTime() + request.leaseMs).toISOString();
    const due = `type IN (${placeholders(request.types.length)}) AND (locked_until IS NULL OR locked_until <= ?) AND (
      (status = 'pending' AND run_at <= ?) OR (status = 'failed' AND run_at <= ?) OR (status = 'running' AND locked_until IS NOT NULL))`;
    const dueParams: SqlValue[] = [...request.types, now, now, overdue, request.limit];
    const rows = await this.db.transaction((tx) =>
      this.db.dialect === 'postgres'
        ? tx.all<OutboxJobRow>(
            `WITH due AS (SELECT id FROM outbox_jobs WHERE ${due} ORDER BY run_at LIMIT ? FOR UPDATE SKIP LOCKED),
             relayed AS (UPDATE outbox_jobs SET locked_until = ? WHERE id IN (SELECT id FROM due) RETURNING ${JOB_COLUMNS})
             SELECT * FROM relayed ORDER BY run_at`,
            [...dueParams, lockedUntil],
          )
        : tx.all<OutboxJobRow>(`UPDATE outbox_jobs SET locked_until = ? WHERE id IN (SELECT id FROM outbox_jobs WHERE ${due} ORDER BY run_at LIMIT ?) RETURNING ${JOB_COLUMNS}`, [
            lockedUntil,
            ...dueParams,
          ]),
    );
    return rows.map(toJobRecord);
  }

  async start(id: string, now: Date, leaseMs: number): Promise<OutboxJob | undefined> {
    const lockedUntil = new Date(now.getTime() + leaseMs).toISOString();
    const update = `UPDATE outbox_jobs SET status = 'running', attempts = attempts + 1, locked_until = ?, updated_at = ? WHERE id = ? AND status IN ('pending', 'failed', 'running') RETURNING ${JOB_COLUMNS}`;
    const params: SqlValue[] = [lockedUntil, now.toISOString(), id];
    // node-postgres answers a bare UPDATE ... RETURNING with [rows, count]; a CTE answers rows, as the SELECT it is
    const rows = await this.db.transaction((tx) => tx.all<OutboxJobRow>(this.db.dialect === 'postgres' ? `WITH started AS (${update}) SELECT * FROM started` : update, params));
    return rows[0] && toJobRecord(rows[0]);
  }
}
