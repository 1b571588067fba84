import type { CrmLead, ScoreReason } from '@parley/followup';
import { jsonObject } from './sql/json-object';
import type { SqlDatabase } from './sql/sql-database';

/**
 * Leads for CRM pushes (implements @parley/followup's CrmLeads). Score reasons are the conversation's
 * score.event outbox rows, the record of every scoring step the flow took.
 */
export class SqlCrmLeads {
  constructor(private readonly db: SqlDatabase) {}

  async lead(contactId: string, conversationId?: string): Promise<CrmLead | undefined> {
    const contact = await this.db.get<{ attributes: string }>('SELECT attributes FROM contacts WHERE id = ?', [contactId]);
    if (!contact) return undefined;
    const attributes = jsonObject(contact.attributes);
    const email = typeof attributes.email === 'string' && attributes.email.includes('@') ? attributes.email.trim() : undefined;
    if (!conversationId) return { contactId, email, attributes, transcript: [], score: { total: 0, reasons: [] } };
    const messages = await this.db.all<{ sender: string; text: string | null; created_at: string | Date }>(
      'SELECT sender, text, created_at FROM messages WHERE conversation_id = ? ORDER BY position',
      [conversationId],
    );
    const scores = await this.db.all<{ payload: string }>(`SELECT payload FROM outbox_jobs WHERE type = 'score.event' AND idempotency_key LIKE ? ORDER BY created_at, idempotency_key`, [
      `score:${conversationId}:%`,
    ]);
    const reasons: ScoreReason[] = scores.map((s) => jsonObject(s.payload)).map((p) => ({ event: String(p.event ?? 'score'), points: Number(p.points ?? 0) }));
    return {
      contactId,
      email,
      attributes,
      transcript: messages.filter((m) => m.text).map((m) => ({ sender: m.sender, text: m.text!, at: new Date(m.created_at) })),
      score: { total: reasons.reduce((sum, r) => sum + r.points, 0), reasons },
    };
  }
}
