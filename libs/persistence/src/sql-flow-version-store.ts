import { newId } from '@parley/core';
import type { SqlDatabase } from './sql/sql-database';

export interface StoredFlowVersion {
  flowId: string;
  version: string;
  source: string;
  createdAt: Date;
}

/** Flow versions are written once and never changed. */
export class SqlFlowVersionStore {
  constructor(private readonly db: SqlDatabase) {}

  async save(flowId: string, version: string, source: string, at: Date): Promise<void> {
    await this.db.run(
      `INSERT INTO flow_versions (id, flow_id, version, source, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (flow_id, version) DO NOTHING`,
      [newId(), flowId, version, source, at.toISOString()],
    );
  }

  async all(): Promise<StoredFlowVersion[]> {
    const rows = await this.db.all<{ flow_id: string; version: string; source: string; created_at: string | Date }>(
      'SELECT flow_id, version, source, created_at FROM flow_versions ORDER BY created_at, id',
    );
    return rows.map((r) => ({ flowId: r.flow_id, version: r.version, source: r.source, createdAt: new Date(r.created_at) }));
  }
}
