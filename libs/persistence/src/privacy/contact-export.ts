import type { ConsentRecord } from '@parley/consent';
import { consentLedger } from '../sql-consent-ledger';
import type { SqlDatabase } from '../sql/sql-database';

type Row = Record<string, unknown>;

export interface ContactExport {
  exportedAt: string;
  contact: { id: string; attributes: Record<string, unknown>; createdAt: unknown; updatedAt: unknown };
  identities: Row[];
  conversations: (Row & { messages: Row[] })[];
  consent: ConsentRecord[];
  misunderstood: Row[];
  handoffThreads: Row[];
  jobs: Row[];
  /** SMS campaigns the person was in, and what became of their text (sent, skipped, held, failed). */
  campaigns: Row[];
  /** Lead score: the ledger with its reasons, the stage, the recorded activity and the segments the person is in. */
  scoring: { ledger: Row[]; standing: Row | null; activity: Row[]; segments: string[] };
}

const parsed = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/** Outbox payloads carry `"contactId":"<id>"` (see jobsFromFlow); ids are uuids, so the pattern cannot over-match. */
export const jobsOfContactSql = (columns: string, extra = '') => `SELECT ${columns} FROM outbox_jobs WHERE payload LIKE ? ${extra}`;
export const jobsOfContactParam = (contactId: string) => `%"contactId":"${contactId}"%`;

/** Everything Parley holds on one person, for a subject access request; undefined when there is no such contact. */
export async function exportContact(db: SqlDatabase, contactId: string, at: Date): Promise<ContactExport | undefined> {
  const contact = await db.get<{ id: string; attributes: string; created_at: unknown; updated_at: unknown }>(
    'SELECT id, attributes, created_at, updated_at FROM contacts WHERE id = ?',
    [contactId],
  );
  if (!contact) return undefined;
  const identities = await db.all<Row>('SELECT id, channel, address, created_at FROM channel_identities WHERE contact_id = ? ORDER BY created_at', [contactId]);
  const conversations = await db.all<Row>(
    `SELECT id, channel, address, flow_id, flow_version, state, owner, message_count, created_at, updated_at
     FROM conversations WHERE contact_id = ? ORDER BY created_at`,
    [contactId],
  );
  const withMessages = [];
  for (const conversation of conversations) {
    const messages = await db.all<Row>(
      `SELECT id, direction, sender, channel, text, payload, quick_replies, kind, status, position, created_at
       FROM messages WHERE conversation_id = ? ORDER BY position`,
      [String(conversation.id)],
    );
    withMessages.push({ ...conversation, state: parsed(conversation.state), messages: messages.map((m) => ({ ...m, quick_replies: parsed(m.quick_replies) })) });
  }
  const misunderstood = await db.all<Row>(
    `SELECT m.id, m.conversation_id, m.channel, m.text, m.locale, m.label, m.created_at FROM misunderstood_utterances m
     JOIN conversations c ON c.id = m.conversation_id WHERE c.contact_id = ? ORDER BY m.created_at`,
    [contactId],
  );
  const handoffThreads = await db.all<Row>(
    `SELECT h.conversation_id, h.slack_channel, h.slack_ts, h.card, h.updated_at FROM handoff_threads h
     JOIN conversations c ON c.id = h.conversation_id WHERE c.contact_id = ?`,
    [contactId],
  );
  const jobs = await db.all<Row>(jobsOfContactSql('id, type, payload, status, attempts, run_at, created_at', 'ORDER BY created_at'), [jobsOfContactParam(contactId)]);
  const campaigns = await db.all<Row>(
    `SELECT r.campaign_id, c.name AS campaign_name, r.address, r.status, r.reason, r.error, r.provider_id, r.hold_until, r.updated_at
     FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id WHERE r.contact_id = ? ORDER BY r.updated_at`,
    [contactId],
  );
  const scoring = {
    ledger: await db.all<Row>('SELECT rule_id, points, reason, kind, reversal, rules_version, at FROM score_events WHERE contact_id = ? ORDER BY seq', [contactId]),
    standing: (await db.get<Row>('SELECT score, lifecycle, updated_at FROM contact_scores WHERE contact_id = ?', [contactId])) ?? null,
    activity: (await db.all<Row>('SELECT kind, detail, at FROM contact_activity WHERE contact_id = ? ORDER BY at', [contactId])).map((a) => ({ ...a, detail: parsed(a.detail) })),
    segments: (await db.all<{ segment_id: string }>('SELECT segment_id FROM segment_members WHERE contact_id = ? ORDER BY segment_id', [contactId])).map((r) => r.segment_id),
  };
  return {
    exportedAt: at.toISOString(),
    contact: { id: contact.id, attributes: parsed(contact.attributes) as Record<string, unknown>, createdAt: contact.created_at, updatedAt: contact.updated_at },
    identities,
    conversations: withMessages,
    consent: await consentLedger.of(db, contactId),
    misunderstood,
    handoffThreads: handoffThreads.map((h) => ({ ...h, card: parsed(h.card) })),
    jobs: jobs.map((j) => ({ ...j, payload: parsed(j.payload) })),
    campaigns,
    scoring,
  };
}
