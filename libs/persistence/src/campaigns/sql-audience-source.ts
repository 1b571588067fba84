import { AudienceSource, AudienceUnavailable, type AudienceMember, type AudienceSpec, type ResolvedAudience } from '@parley/engine';
import type { SqlDatabase } from '../sql/sql-database';
import { jsonObject } from '../sql/json-object';

interface MemberRow {
  contact_id: string;
  address: string;
  attributes: string;
}

const CHUNK = 500;
const MEMBERS_SQL = `SELECT ci.contact_id, ci.address, ct.attributes FROM channel_identities ci JOIN contacts ct ON ct.id = ci.contact_id
  WHERE ci.channel = 'sms'`;

function matches(attributes: Record<string, unknown>, filter: { attributes?: Record<string, unknown>; tags?: string[] }): boolean {
  for (const [key, value] of Object.entries(filter.attributes ?? {})) if (attributes[key] !== value) return false;
  const tags = Array.isArray(attributes.tags) ? attributes.tags : [];
  return (filter.tags ?? []).every((tag) => tags.includes(tag));
}

/** One member per contact (its first SMS address), in the order asked for, or by contact age for a filter. */
function uniqueMembers(rows: readonly MemberRow[]): Map<string, AudienceMember> {
  const members = new Map<string, AudienceMember>();
  for (const row of rows) {
    if (!members.has(row.contact_id)) members.set(row.contact_id, { contactId: row.contact_id, address: row.address, attributes: jsonObject(row.attributes) });
  }
  return members;
}

/**
 * Audiences from contacts and their SMS identities (implements @parley/engine's AudienceSource). A filter is matched
 * in memory over contacts with a phone: fine for tens of thousands of contacts; a segment table would index it.
 */
export class SqlAudienceSource extends AudienceSource {
  constructor(private readonly db: SqlDatabase) {
    super();
  }

  async resolve(spec: AudienceSpec): Promise<ResolvedAudience> {
    if ('segmentId' in spec) return this.segment(spec.segmentId);
    if ('contactIds' in spec) return this.listed([...new Set(spec.contactIds)]);
    const rows = await this.db.all<MemberRow>(`${MEMBERS_SQL} ORDER BY ct.created_at, ct.id, ci.created_at`);
    const members = [...uniqueMembers(rows).values()].filter((m) => matches(m.attributes, spec.filter));
    return { members, withoutAddress: 0 };
  }

  /** The segment's members as its live membership stands now (kept current by the scoring jobs). */
  private async segment(segmentId: string): Promise<ResolvedAudience> {
    if (!(await this.db.get('SELECT id FROM segments WHERE id = ?', [segmentId]))) throw new AudienceUnavailable(`no segment "${segmentId}"`);
    const rows = await this.db.all<MemberRow>(
      `${MEMBERS_SQL} AND ci.contact_id IN (SELECT contact_id FROM segment_members WHERE segment_id = ?) ORDER BY ct.created_at, ct.id, ci.created_at`,
      [segmentId],
    );
    const members = [...uniqueMembers(rows).values()];
    const total = Number((await this.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM segment_members WHERE segment_id = ?', [segmentId]))?.n ?? 0);
    return { members, withoutAddress: total - members.length };
  }

  private async listed(ids: string[]): Promise<ResolvedAudience> {
    const rows: MemberRow[] = [];
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      rows.push(...(await this.db.all<MemberRow>(`${MEMBERS_SQL} AND ci.contact_id IN (${chunk.map(() => '?').join(', ')}) ORDER BY ci.created_at`, chunk)));
    }
    const byContact = uniqueMembers(rows);
    const members = ids.flatMap((id) => byContact.get(id) ?? []);
    return { members, withoutAddress: ids.length - members.length };
  }
}
