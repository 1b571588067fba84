import type { SqlDatabase, SqlValue } from '../sql/sql-database';
import { JobStore, type JobStatus, type OutboxJob } from '@parley/followup';
import { JOB_COLUMNS, toJobRecord, type OutboxJobRow } from './job-rows';

const DUE = `type IN (TYPES) AND ((status IN ('pending', 'failed') AND run_at <= ?) OR (status = 'running' AND locked_until <= ?))`;
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The outbox as a job queue (implements @parley/followup's JobStore). Timestamps are ISO strings on
 * SQLite, so comparing them as text orders them correctly. A lease is identified by the attempt number
 * it was claimed with: complete and fail apply only while that lease is still the current one.
 */
export class SqlJobStore extends JobStore {
  constructor(private readonly db: SqlDatabase) {
    super();
  }

  async claim(request: { types: readonly string[]; limit: number; now: Date; leaseMs: number }): Promise<OutboxJob[]> {
    if (!request.types.length || request.limit < 1) return [];
    const now = request.now.toISOString();
    const lockedUntil = new Date(request.now.getTime() + request.leaseMs).toISOString();
    const due = DUE.replace('TYPES', placeholders(request.types.length));
    const setParams: SqlValue[] = [lockedUntil, now];
    const dueParams: SqlValue[] = [...request.types, now, now, request.limit];
    const set = `SET status = 'running', attempts = attempts + 1, locked_until = ?, updated_at = ?`;
    const rows = await this.db.transaction((tx) =>
      this.db.dialect === 'postgres'
        ? tx.all<OutboxJobRow>(
            `WITH due AS (SELECT id FROM outbox_jobs WHERE ${due} ORDER BY run_at LIMIT ? FOR UPDATE SKIP LOCKED),
             claimed AS (UPDATE outbox_jobs ${set} WHERE id IN (SELECT id FROM due) RETURNING ${JOB_COLUMNS})
             SELECT * FROM claimed`,
            [...dueParams, ...setParams],
          )
        : tx.all<OutboxJobRow>(
            `UPDATE outbox_jobs ${set} WHERE id IN (SELECT id FROM outbox_jobs WHERE ${due} ORDER BY run_at LIMIT ?) RETURNING ${JOB_COLUMNS}`,
            [...setParams, ...dueParams],
          ),
    );
    return rows.map(toJobRecord);
  }

  async complete(job: { id: string; attempts: number }, now: Date, note?: string): Promise<boolean> {
    const changed = await this.db.transaction((tx) =>
      tx.run(
        `UPDATE outbox_jobs SET status = 'done', locked_until = NULL, last_error = ?, updated_at = ? WHERE id = ? AND status = 'running' AND attempts = ?`,
        [note ?? null, now.toISOString(), job.id, job.attempts],
      ),
    );
    return changed > 0;
  }

  async fail(job: { id: string; attempts: number }, failure: { error: string; retryAt: Date | null; now: Date }): Promise<boolean> {
    const status: JobStatus = failure.retryAt ? 'failed' : 'dead';
    const runAt = (failure.retryAt ?? failure.now).toISOString();
    const changed = await this.db.transaction((tx) =>
      tx.run(
        `UPDATE outbox_jobs SET status = ?, run_at = ?, locked_until = NULL, last_error = ?, updated_at = ? WHERE id = ? AND status = 'running' AND attempts = ?`,
        [status, runAt, failure.error, failure.now.toISOString(), job.id, job.attempts],
      ),
    );
    return changed > 0;
  }

  async list(query: { status?: JobStatus; limit: number; offset: number }): Promise<OutboxJob[]> {
    const where = query.status ? 'WHERE status = ?' : '';
    const params: SqlValue[] = query.status ? [query.status, query.limit, query.offset] : [query.limit, query.offset];
    const rows = await this.db.all<OutboxJobRow>(`SELECT ${JOB_COLUMNS} FROM outbox_jobs ${where} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`, params);
    return rows.map(toJobRecord);
  }

  async get(id: string): Promise<OutboxJob | undefined> {
    const row = await this.db.get<OutboxJobRow>(`SELECT ${JOB_COLUMNS} FROM outbox_jobs WHERE id = ?`, [id]);
    return row && toJobRecord(row);
  }

  /** A replay: the job is due now with a fresh attempt budget and keeps its idempotency key. */
  async retry(id: string, now: Date): Promise<{ job: OutboxJob; retried: boolean } | undefined> {
    const at = now.toISOString();
    const changed = await this.db.transaction((tx) =>
      tx.run(`UPDATE outbox_jobs SET status = 'pending', attempts = 0, run_at = ?, locked_until = NULL, updated_at = ? WHERE id = ? AND status IN ('failed', 'dead')`, [
        at,
        at,
        id,
      ]),
    );
    const job = await this.get(id);
    return job && { job, retried: changed > 0 };
  }
}
