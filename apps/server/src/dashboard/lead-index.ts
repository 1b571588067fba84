import type { SqlDatabase, SqlValue } from '@parley/persistence';

export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'mql', 'sql', 'customer'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type ConsentState = 'granted' | 'revoked' | 'none';

export interface LeadThresholds {
  lead: number;
  mql: number;
  sql: number;
}

export interface IndexedConversation {
  id: string;
  contactId: string;
  channel: string;
  flowId: string | null;
  owner: string;
  createdAt: string;
  engaged: boolean;
  handedOff: boolean;
  arm: string | null;
}

export interface Lead {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  /** The names of the segments the contact is a member of (or its `segment` attribute). */
  segment: string | null;
  segmentIds: string[];
  score: number;
  lifecycle: LifecycleStage;
  consent: ConsentState;
  channels: string[];
  createdAt: string;
  updatedAt: string;
  handedOff: boolean;
}

export interface LeadIndex {
  leads: Lead[];
  conversations: IndexedConversation[];
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
/** SQLite hands back the ISO strings we stored; PostgreSQL hands back Dates. */
const iso = (value: string | Date) => (typeof value === 'string' && value.endsWith('Z') ? value : new Date(value).toISOString());

function parseJson(source: string | null): Record<string, unknown> {
  try {
    const value = JSON.parse(source ?? '{}');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

/** The stage a contact's attributes say (set by the CRM or a flow), else the one its score reaches. */
export function lifecycleOf(attributes: Record<string, unknown>, score: number, thresholds: LeadThresholds): LifecycleStage {
  const declared = String(attributes.lifecycle ?? '').toLowerCase();
  if ((LIFECYCLE_STAGES as readonly string[]).includes(declared)) return declared as LifecycleStage;
  if (score >= thresholds.sql) return 'sql';
  if (score >= thresholds.mql) return 'mql';
  if (score >= thresholds.lead || text(attributes.email) || text(attributes.phone)) return 'lead';
  return 'subscriber';
}

const CHUNK_ROWS = 2000;

/**
 * Reads a whole table in id order, CHUNK_ROWS rows per query, handing each chunk over and then letting the event
 * loop turn: with a synchronous driver (SQLite) a refresh behind the requests never holds one up for long.
 */
async function eachChunk<T extends { id: string }>(db: SqlDatabase, sql: (after: string) => [string, SqlValue[]], use: (rows: T[]) => void): Promise<void> {
  let after = '';
  for (;;) {
    const [statement, params] = sql(after);
    const rows = await db.all<T>(statement, params);
    use(rows);
    await yieldToEventLoop();
    if (rows.length < CHUNK_ROWS) return;
    after = rows[rows.length - 1].id;
  }
}

/**
 * Every contact and conversation with what the dashboard filters and counts on: score (the flow's score
 * events), lifecycle, consent, channels, handoff. Set-wise keyset-paged reads joined in memory, so filters need
 * no per-dialect JSON SQL; 10,000 contacts and 50,000 messages take a few hundred milliseconds of CPU, in slices.
 */
export async function loadLeadIndex(db: SqlDatabase, thresholds: LeadThresholds): Promise<LeadIndex> {
  const page = (columns: string, from: string, where = '', key = 'id') => (after: string): [string, SqlValue[]] => [
    `SELECT ${columns} FROM ${from} WHERE ${where}${where ? ' AND ' : ''}${key} > ? ORDER BY ${key} LIMIT ${CHUNK_ROWS}`,
    [after],
  ];
  // The scoring ledger's standing (score and stage) where the scoring service keeps one; the flow's score events otherwise.
  const standing = new Map<string, { score: number; lifecycle: string }>();
  await eachChunk<{ id: string; score: number; lifecycle: string }>(db, page('contact_id AS id, score, lifecycle', 'contact_scores', '', 'contact_id'), (rows) => {
    for (const row of rows) standing.set(row.id, { score: Math.round(Number(row.score) * 10) / 10, lifecycle: row.lifecycle });
  });
  const segmentsOf = new Map<string, { ids: string[]; names: string[] }>();
  for (const row of await db.all<{ contact_id: string; id: string; name: string }>('SELECT m.contact_id, s.id, s.name FROM segment_members m JOIN segments s ON s.id = m.segment_id')) {
    const seen = segmentsOf.get(row.contact_id) ?? { ids: [], names: [] };
    seen.ids.push(row.id);
    seen.names.push(row.name);
    segmentsOf.set(row.contact_id, seen);
  }
  await yieldToEventLoop();
  const scores = new Map<string, number>();
  const handedOff = new Set<string>();
  const arms = new Map<string, string>();
  await eachChunk<{ id: string; type: string; payload: string }>(db, page('id, type, payload', 'outbox_jobs', "type IN ('score.event', 'handoff.request', 'experiment.assigned')"), (rows) => {
    for (const job of rows) {
      const payload = parseJson(job.payload);
      const conversationId = String(payload.conversationId ?? '');
      const contactId = String(payload.contactId ?? '');
      if (job.type === 'score.event') scores.set(contactId, (scores.get(contactId) ?? 0) + (Number(payload.points) || 0));
      else if (job.type === 'handoff.request') handedOff.add(conversationId);
      else arms.set(conversationId, `${payload.experiment ?? 'experiment'}:${payload.arm ?? '?'}`);
    }
  });
  const consentOf = new Map<string, { seq: number; state: ConsentState }>();
  await eachChunk<{ id: string; contact_id: string; seq: number; action: string }>(db, page('id, contact_id, seq, action', 'consent_events'), (rows) => {
    for (const row of rows) {
      const seen = consentOf.get(row.contact_id);
      if (!seen || seen.seq < Number(row.seq)) consentOf.set(row.contact_id, { seq: Number(row.seq), state: row.action === 'grant' ? 'granted' : 'revoked' });
    }
  });
  const conversations: IndexedConversation[] = [];
  const channels = new Map<string, Set<string>>();
  const contactHandedOff = new Set<string>();
  type ConversationRow = { id: string; contact_id: string; channel: string; flow_id: string | null; owner: string; created_at: string | Date; engaged: number | boolean };
  const conversationColumns = `id, contact_id, channel, flow_id, owner, created_at,
    EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id AND m.direction = 'in') AS engaged`;
  await eachChunk<ConversationRow>(db, page(conversationColumns, 'conversations'), (rows) => {
    for (const c of rows) {
      const conversation: IndexedConversation = {
        id: c.id,
        contactId: c.contact_id,
        channel: c.channel,
        flowId: c.flow_id,
        owner: c.owner,
        createdAt: iso(c.created_at),
        engaged: !!Number(c.engaged),
        handedOff: handedOff.has(c.id) || c.owner === 'human',
        arm: arms.get(c.id) ?? null,
      };
      conversations.push(conversation);
      let set = channels.get(c.contact_id);
      if (!set) channels.set(c.contact_id, (set = new Set()));
      set.add(c.channel);
      if (conversation.handedOff) contactHandedOff.add(c.contact_id);
    }
  });
  const leads: Lead[] = [];
  type ContactRow = { id: string; attributes: string | null; created_at: string | Date; updated_at: string | Date };
  await eachChunk<ContactRow>(db, page('id, attributes, created_at, updated_at', 'contacts'), (rows) => {
    for (const row of rows) {
      const attributes = parseJson(row.attributes);
      const ledger = standing.get(row.id);
      const score = ledger?.score ?? (typeof attributes.score === 'number' ? attributes.score : (scores.get(row.id) ?? 0));
      const segments = segmentsOf.get(row.id);
      leads.push({
        id: row.id,
        name: text(attributes.name),
        email: text(attributes.email),
        phone: text(attributes.phone),
        segment: segments?.names.join(', ') || text(attributes.segment),
        segmentIds: segments?.ids ?? [],
        score,
        lifecycle: lifecycleOf(ledger ? { lifecycle: ledger.lifecycle, ...attributes } : attributes, score, thresholds),
        consent: consentOf.get(row.id)?.state ?? 'none',
        channels: [...(channels.get(row.id) ?? [])].sort(),
        createdAt: iso(row.created_at),
        updatedAt: iso(row.updated_at),
        handedOff: contactHandedOff.has(row.id),
      });
    }
  });
  return { leads, conversations };
}
