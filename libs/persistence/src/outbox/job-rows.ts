import type { JobStatus, OutboxJob } from '@parley/followup';

export interface OutboxJobRow {
  id: string;
  type: string;
  payload: string;
  idempotency_key: string;
  status: JobStatus;
  attempts: number;
  run_at: string | Date;
  locked_until: string | Date | null;
  last_error: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

export const JOB_COLUMNS = 'id, type, payload, idempotency_key, status, attempts, run_at, locked_until, last_error, created_at, updated_at';

function parsePayload(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { raw: text };
  }
}

export function toJobRecord(row: OutboxJobRow): OutboxJob {
  return {
    id: row.id,
    type: row.type,
    payload: parsePayload(row.payload),
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: Number(row.attempts),
    runAt: new Date(row.run_at),
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
