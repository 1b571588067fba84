import { newId } from '@parley/core';
import { GENESIS_HASH, consentHash, type ConsentDraft, type ConsentRecord } from '@parley/consent';
import type { SqlTx } from './sql/sql-database';

interface ConsentRow {
  id: string;
  contact_id: string;
  seq: number;
  channel: ConsentRecord['channel'];
  purpose: ConsentRecord['purpose'];
  action: ConsentRecord['action'];
  source: ConsentRecord['source'];
  disclosure_text: string | null;
  disclosure_version: string | null;
  evidence: string;
  actor: string;
  created_at: string | Date;
  prev_hash: string;
  hash: string;
}

const COLUMNS = `id, contact_id, seq, channel, purpose, action, source, disclosure_text, disclosure_version, evidence, actor,
  created_at, prev_hash, hash`;

function toRecord(row: ConsentRow): ConsentRecord {
  const record: ConsentRecord = {
    id: row.id,
    contactId: row.contact_id,
    seq: Number(row.seq),
    channel: row.channel,
    purpose: row.purpose,
    action: row.action,
    source: row.source,
    evidence: JSON.parse(row.evidence),
    actor: row.actor,
    at: new Date(row.created_at),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
  if (row.disclosure_text !== null) record.disclosureText = row.disclosure_text;
  if (row.disclosure_version !== null) record.disclosureVersion = row.disclosure_version;
  return record;
}

/** Appends to and reads the hash-chained consent ledger; callers pass their transaction. */
export const consentLedger = {
  async append(tx: SqlTx, draft: ConsentDraft): Promise<ConsentRecord> {
    const last = await tx.get<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM consent_events WHERE contact_id = ? ORDER BY seq DESC LIMIT 1',
      [draft.contactId],
    );
    const seq = Number(last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const record: ConsentRecord = { ...draft, id: newId(), seq, prevHash, hash: consentHash(prevHash, seq, draft) };
    await tx.run(`INSERT INTO consent_events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      record.id, record.contactId, seq, draft.channel, draft.purpose, draft.action, draft.source,
      draft.disclosureText ?? null, draft.disclosureVersion ?? null, JSON.stringify(draft.evidence), draft.actor,
      draft.at.toISOString(), prevHash, record.hash,
    ]);
    if (draft.action === 'revoke' && ['sms', 'all'].includes(draft.channel) && ['marketing', 'all'].includes(draft.purpose)) {
      // A withdrawal takes effect at once for campaign texts not sent yet (the send-time gate would skip them too).
      await tx.run(
        "UPDATE campaign_recipients SET status = 'skipped', reason = 'opted-out', updated_at = ? WHERE contact_id = ? AND status IN ('pending', 'held')",
        [draft.at.toISOString(), draft.contactId],
      );
    }
    return record;
  },

  async of(tx: SqlTx, contactId: string): Promise<ConsentRecord[]> {
    const rows = await tx.all<ConsentRow>(`SELECT ${COLUMNS} FROM consent_events WHERE contact_id = ? ORDER BY seq`, [contactId]);
    return rows.map(toRecord);
  },

  async all(tx: SqlTx): Promise<ConsentRecord[]> {
    const rows = await tx.all<ConsentRow>(`SELECT ${COLUMNS} FROM consent_events ORDER BY contact_id, seq`);
    return rows.map(toRecord);
  },
};
