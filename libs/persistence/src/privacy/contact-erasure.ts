import { createHash } from 'node:crypto';
import type { ConsentRecord } from '@parley/consent';
import { consentLedger } from '../sql-consent-ledger';
import type { SqlDatabase, SqlTx } from '../sql/sql-database';
import { jobsOfContactParam } from './contact-export';

export const ERASED_TEXT = '[erased]';

export interface ErasureCounts {
  conversations: number;
  messages: number;
  identities: number;
  misunderstood: number;
  handoffThreads: number;
  jobsCancelled: number;
  jobsScrubbed: number;
}

export interface ErasureResult {
  contactId: string;
  erasedAt: string;
  counts: ErasureCounts;
  consentProof: ConsentRecord;
}

/** One-way: the same address always maps to the same value, so the unique (channel, address) index still holds. */
const erasedAddress = (address: string) => `erased:${createHash('sha256').update(address).digest('hex').slice(0, 48)}`;

async function eraseAddresses(tx: SqlTx, table: 'channel_identities' | 'conversations', contactId: string): Promise<number> {
  const rows = await tx.all<{ id: string; address: string }>(`SELECT id, address FROM ${table} WHERE contact_id = ?`, [contactId]);
  for (const row of rows) {
    if (!row.address.startsWith('erased:')) await tx.run(`UPDATE ${table} SET address = ? WHERE id = ?`, [erasedAddress(row.address), row.id]);
  }
  return rows.length;
}

/**
 * Erases a person's data everywhere but the consent ledger, in one transaction. Ledger rows are kept untouched
 * as the legal proof of consent (rewriting them would break the hash chain); a final anonymised revoke records
 * the erasure itself. See docs/privacy.md.
 */
export async function eraseContact(db: SqlDatabase, contactId: string, actor: string, at: Date): Promise<ErasureResult | undefined> {
  const now = at.toISOString();
  return db.transaction(async (tx) => {
    const contact = await tx.get<{ id: string }>('SELECT id FROM contacts WHERE id = ?', [contactId]);
    if (!contact) return undefined;
    const inConversations = 'conversation_id IN (SELECT id FROM conversations WHERE contact_id = ?)';
    const messages = await tx.run(`UPDATE messages SET text = ?, payload = NULL, quick_replies = NULL, attachments = NULL WHERE ${inConversations}`, [ERASED_TEXT, contactId]);
    const misunderstood = await tx.run(`UPDATE misunderstood_utterances SET text = ? WHERE ${inConversations}`, [ERASED_TEXT, contactId]);
    // The Slack card copy (name, email, last words); a rep's action on the old card then finds no thread.
    const handoffThreads = await tx.run(`DELETE FROM handoff_threads WHERE ${inConversations}`, [contactId]);
    // Where to reach a Bot Framework user, with their display name: nothing may be sent to them any more.
    await tx.run(
      "DELETE FROM bot_conversation_references WHERE address IN (SELECT address FROM channel_identities WHERE contact_id = ? AND channel = 'botframework')",
      [contactId],
    );
    const identities = await eraseAddresses(tx, 'channel_identities', contactId);
    const conversations = await eraseAddresses(tx, 'conversations', contactId);
    // Flow state holds the answers given (name, email…): the next turn starts the flow afresh.
    await tx.run("UPDATE conversations SET state = 'null', flow_id = NULL, flow_version = NULL, version = version + 1, updated_at = ? WHERE contact_id = ?", [now, contactId]);
    await tx.run("UPDATE contacts SET attributes = '{}', updated_at = ? WHERE id = ?", [now, contactId]);
    // Campaign texts not sent yet are never sent; sent ones keep their row (counts) without the number.
    const recipients = await tx.all<{ id: string; address: string }>('SELECT id, address FROM campaign_recipients WHERE contact_id = ?', [contactId]);
    for (const row of recipients) await tx.run('UPDATE campaign_recipients SET address = ? WHERE id = ?', [erasedAddress(row.address), row.id]);
    await tx.run("UPDATE campaign_recipients SET status = 'skipped', reason = 'erased', updated_at = ? WHERE contact_id = ? AND status IN ('pending', 'held')", [now, contactId]);
    // Scoring keeps answers as activity; the score, its ledger and segment membership go with them.
    for (const table of ['contact_activity', 'score_events', 'contact_scores', 'segment_members']) await tx.run(`DELETE FROM ${table} WHERE contact_id = ?`, [contactId]);
    const stub = JSON.stringify({ contactId, erased: true });
    const jobsCancelled = await tx.run(
      "UPDATE outbox_jobs SET status = 'cancelled', payload = ?, last_error = NULL, updated_at = ? WHERE payload LIKE ? AND status = 'pending'",
      [stub, now, jobsOfContactParam(contactId)],
    );
    const jobsScrubbed = await tx.run('UPDATE outbox_jobs SET payload = ?, last_error = NULL, updated_at = ? WHERE payload LIKE ? AND payload <> ?',
      [stub, now, jobsOfContactParam(contactId), stub],);
    const consentProof = await consentLedger.append(tx, {
      contactId, channel: 'all', purpose: 'all', action: 'revoke', source: 'api', evidence: { erased: 'true' }, actor, at,
    });
    return { contactId, erasedAt: now, counts: { conversations, messages, identities, misunderstood, handoffThreads, jobsCancelled, jobsScrubbed }, consentProof };
  });
}
