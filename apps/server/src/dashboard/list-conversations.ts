import type { SqlDatabase, SqlValue } from '@parley/persistence';
import type { DashboardReadModel } from './dashboard-read-model';
import { lifecycleOf } from './lead-index';
import { jsonObject } from '@parley/persistence';

export interface ConversationSummary {
  id: string;
  contactId: string;
  channel: string;
  owner: string;
  flowId: string | null;
  messageCount: number;
  updatedAt: string;
  contactName: string | null;
  score: number | null;
  segment: string | null;
  lifecycle: string | null;
  lastMessage: { from: string; text: string; at: string } | null;
}

interface Row {
  id: string;
  contact_id: string;
  channel: string;
  owner: string;
  flow_id: string | null;
  message_count: number;
  updated_at: string;
  last_sender: string | null;
  last_text: string | null;
  last_at: string | null;
  attributes: string | null;
  ledger_score: number | null;
  ledger_lifecycle: string | null;
  segment_name: string | null;
}

const textOf = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** The points of a conversation's score events: a range scan of the outbox's unique key, `score:<id>:…`. */
async function conversationScore(sql: SqlDatabase, conversationId: string): Promise<number> {
  const rows = await sql.all<{ payload: string }>(
    "SELECT payload FROM outbox_jobs WHERE idempotency_key >= ? AND idempotency_key < ? AND type = 'score.event'",
    [`score:${conversationId}:`, `score:${conversationId};`],
  );
  return rows.reduce((sum, r) => sum + (Number(jsonObject(r.payload).points) || 0), 0);
}

const LAST = (column: string) => `(SELECT m.${column} FROM messages m WHERE m.conversation_id = c.id ORDER BY m.position DESC LIMIT 1)`;

/** One page of conversations, most recent first, each with its last message, its contact's segment and the conversation's score; read live. */
export async function listConversations(
  model: DashboardReadModel,
  q: { channel?: string; owner?: string; limit: number; offset: number },
): Promise<{ total: number; limit: number; offset: number; items: ConversationSummary[] }> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  for (const [column, value] of [['channel', q.channel], ['owner', q.owner]] as const) {
    if (!value) continue;
    where.push(`c.${column} = ?`);
    params.push(value);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const sql = model.db.sql;
  const [rows, count] = await Promise.all([
    sql.all<Row>(
      `SELECT c.id, c.contact_id, c.channel, c.owner, c.flow_id, c.message_count, c.updated_at,
              ${LAST('sender')} AS last_sender, ${LAST('text')} AS last_text, ${LAST('created_at')} AS last_at,
              (SELECT k.attributes FROM contacts k WHERE k.id = c.contact_id) AS attributes,
              (SELECT s.score FROM contact_scores s WHERE s.contact_id = c.contact_id) AS ledger_score,
              (SELECT s.lifecycle FROM contact_scores s WHERE s.contact_id = c.contact_id) AS ledger_lifecycle,
              (SELECT g.name FROM segment_members m JOIN segments g ON g.id = m.segment_id WHERE m.contact_id = c.contact_id ORDER BY g.name LIMIT 1) AS segment_name
       FROM conversations c ${filter} ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?`,
      [...params, q.limit, q.offset],
    ),
    sql.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM conversations c ${filter}`, params),
  ]);
  const scores = await Promise.all(rows.map((r) => conversationScore(sql, r.id)));
  const items = rows.map((r, i): ConversationSummary => {
    const attributes = jsonObject(r.attributes);
    const score = r.ledger_score !== null ? Math.round(Number(r.ledger_score) * 10) / 10 : typeof attributes.score === 'number' ? attributes.score : scores[i];
    return {
      id: r.id,
      contactId: r.contact_id,
      channel: r.channel,
      owner: r.owner,
      flowId: r.flow_id,
      messageCount: Number(r.message_count),
      updatedAt: new Date(r.updated_at).toISOString(),
      contactName: textOf(attributes.name),
      score,
      segment: r.segment_name ?? textOf(attributes.segment),
      lifecycle: lifecycleOf(r.ledger_lifecycle ? { lifecycle: r.ledger_lifecycle, ...attributes } : attributes, score, model.leadThresholds),
      lastMessage: r.last_at ? { from: r.last_sender ?? 'bot', text: r.last_text ?? '', at: new Date(r.last_at).toISOString() } : null,
    };
  });
  return { total: Number(count?.n ?? 0), limit: q.limit, offset: q.offset, items };
}
