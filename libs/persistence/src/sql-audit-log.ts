import { newId } from '@parley/core';
import type { SqlDatabase } from './sql/sql-database';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
  ip?: string;
}

export class SqlAuditLog {
  constructor(private readonly db: SqlDatabase) {}

  async record(entry: AuditEntry, at: Date): Promise<void> {
    await this.db.run(
      'INSERT INTO audit_events (id, actor, action, target, details, ip, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [newId(), entry.actor, entry.action, entry.target ?? null, entry.details ? JSON.stringify(entry.details) : null, entry.ip ?? null, at.toISOString()],
    );
  }
}
