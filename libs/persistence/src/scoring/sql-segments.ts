import { segmentDefinitionSchema, timedSegments, type ScoringRules, type SegmentDefinition } from '@parley/scoring';
import type { SqlDatabase } from '../sql/sql-database';
import { recheckSegments } from './sql-score-ledger';

export interface StoredSegment extends SegmentDefinition {
  members: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface SegmentMember {
  contactId: string;
  since: Date;
  attributes: Record<string, unknown>;
}

interface SegmentRow {
  id: string;
  name: string;
  description: string | null;
  filter: string;
  created_at: string | Date;
  updated_at: string | Date;
  members?: number | string;
}

const toSegment = (row: SegmentRow): StoredSegment => ({
  ...segmentDefinitionSchema.parse({ id: row.id, name: row.name, ...(row.description ? { description: row.description } : {}), filter: JSON.parse(row.filter) }),
  members: Number(row.members ?? 0),
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

const BACKFILL_BATCH = 500;

/**
 * Segments and their live membership. Membership is kept current per event by SqlScoreLedger; a new
 * segment is filled once, over every contact, when it is saved.
 */
export class SqlSegments {
  constructor(private readonly db: SqlDatabase) {}

  async definitions(): Promise<SegmentDefinition[]> {
    return (await this.db.all<SegmentRow>('SELECT id, name, description, filter, created_at, updated_at FROM segments ORDER BY id')).map(toSegment);
  }

  async list(): Promise<StoredSegment[]> {
    const rows = await this.db.all<SegmentRow>(
      'SELECT s.id, s.name, s.description, s.filter, s.created_at, s.updated_at, (SELECT COUNT(*) FROM segment_members m WHERE m.segment_id = s.id) AS members FROM segments s ORDER BY s.id',
    );
    return rows.map(toSegment);
  }

  async find(id: string): Promise<StoredSegment | undefined> {
    const row = await this.db.get<SegmentRow>(
      'SELECT s.id, s.name, s.description, s.filter, s.created_at, s.updated_at, (SELECT COUNT(*) FROM segment_members m WHERE m.segment_id = s.id) AS members FROM segments s WHERE s.id = ?',
      [id],
    );
    return row && toSegment(row);
  }

  /**
   * False when a segment with that id exists already. The filter is stored as given (durations as
   * `7d`, not milliseconds), so reading it back validates it the same way.
   */
  async create(segment: SegmentDefinition, filterAsGiven: unknown, at: Date): Promise<boolean> {
    const iso = at.toISOString();
    const inserted = await this.db.run('INSERT INTO segments (id, name, description, filter, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING', [
      segment.id,
      segment.name,
      segment.description ?? null,
      JSON.stringify(filterAsGiven),
      iso,
      iso,
    ]);
    return inserted > 0;
  }

  /** Re-evaluates one segment for every contact (a new segment, or new rules), in batches; reports progress. */
  async backfill(segments: readonly SegmentDefinition[], rules: ScoringRules, now: Date, progress?: (done: number, total: number) => void): Promise<void> {
    const total = Number((await this.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM contacts'))?.n ?? 0);
    let after = '';
    let done = 0;
    for (;;) {
      const ids = await this.db.all<{ id: string }>('SELECT id FROM contacts WHERE id > ? ORDER BY id LIMIT ?', [after, BACKFILL_BATCH]);
      if (!ids.length) break;
      await this.db.transaction(async (tx) => {
        for (const { id } of ids) await recheckSegments(tx, id, segments, rules, now);
      });
      after = ids[ids.length - 1].id;
      done += ids.length;
      progress?.(done, total);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Re-checks the members of segments that time alone can change (a behaviour window closing, a score
   * decaying), so "asked for pricing in the last 7 days" drops a contact on day 8 without an event.
   * Returns how many left. Contacts who would join by time alone (a `score: {lte}` filter) join at their next event.
   */
  async sweep(segments: readonly SegmentDefinition[], rules: ScoringRules, now: Date): Promise<number> {
    let left = 0;
    for (const segment of timedSegments(segments)) {
      let after = '';
      for (;;) {
        const ids = await this.memberIds(segment.id, after, BACKFILL_BATCH);
        if (!ids.length) break;
        left += await this.db.transaction(async (tx) => {
          let n = 0;
          for (const id of ids) n += (await recheckSegments(tx, id, [segment], rules, now)).left.length;
          return n;
        });
        after = ids[ids.length - 1];
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return left;
  }

  async members(segmentId: string, limit: number, offset: number): Promise<{ total: number; items: SegmentMember[] }> {
    const total = Number((await this.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM segment_members WHERE segment_id = ?', [segmentId]))?.n ?? 0);
    const rows = await this.db.all<{ contact_id: string; since: string | Date; attributes: string }>(
      `SELECT m.contact_id, m.since, c.attributes FROM segment_members m JOIN contacts c ON c.id = m.contact_id
       WHERE m.segment_id = ? ORDER BY m.contact_id LIMIT ? OFFSET ?`,
      [segmentId, limit, offset],
    );
    return { total, items: rows.map((r) => ({ contactId: r.contact_id, since: new Date(r.since), attributes: JSON.parse(r.attributes) as Record<string, unknown> })) };
  }

  /** Contact ids in a segment, in id order after `afterId` (keyset pages for campaign audiences). */
  async memberIds(segmentId: string, afterId = '', limit = 1000): Promise<string[]> {
    const rows = await this.db.all<{ contact_id: string }>('SELECT contact_id FROM segment_members WHERE segment_id = ? AND contact_id > ? ORDER BY contact_id LIMIT ?', [
      segmentId,
      afterId,
      limit,
    ]);
    return rows.map((r) => r.contact_id);
  }

  async segmentsOf(contactId: string): Promise<string[]> {
    return (await this.db.all<{ segment_id: string }>('SELECT segment_id FROM segment_members WHERE contact_id = ? ORDER BY segment_id', [contactId])).map((r) => r.segment_id);
  }
}
