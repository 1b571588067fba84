import type { SqlDatabase } from '../sql/sql-database';

export const EXPIRED_TEXT = '[expired]';
const DAY_MS = 86_400_000;

export interface RetentionResult {
  cutoff: string;
  conversations: number;
  messages: number;
  misunderstood: number;
}

/**
 * Anonymises conversations idle for more than `days` (their last activity, so a long-running thread is not gutted
 * midway): message text becomes `[expired]`. Contacts, identities and the consent ledger are kept. Safe to run again.
 */
export async function expireConversations(db: SqlDatabase, days: number, now: Date): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  return db.transaction(async (tx) => {
    const stale = 'conversation_id IN (SELECT id FROM conversations WHERE updated_at < ?)';
    const messages = await tx.run(`UPDATE messages SET text = ?, payload = NULL, quick_replies = NULL, attachments = NULL WHERE ${stale} AND text <> ?`, [EXPIRED_TEXT, cutoff, EXPIRED_TEXT]);
    const misunderstood = await tx.run(`UPDATE misunderstood_utterances SET text = ? WHERE ${stale} AND text <> ?`, [EXPIRED_TEXT, cutoff, EXPIRED_TEXT]);
    const row = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM conversations WHERE updated_at < ?', [cutoff]);
    return { cutoff, conversations: Number(row?.n ?? 0), messages, misunderstood };
  });
}
