import { newId } from '@parley/core';
import type { CountryCode } from 'libphonenumber-js';
import { consentLedger } from '../sql-consent-ledger';
import type { SqlDatabase, SqlTx } from '../sql/sql-database';
import { normaliseContactRow, type NormalisedContact, type RawContactRow } from './contact-row';

export interface ImportOptions {
  defaultRegion: CountryCode;
  actor: string;
  at: Date;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  consentEvents: number;
  errors: { line: number; reason: string }[];
}

type Outcome = 'created' | 'updated' | 'unchanged';

async function contactOf(tx: SqlTx, channel: string, address: string | undefined): Promise<string | undefined> {
  if (!address) return undefined;
  const row = await tx.get<{ contact_id: string }>('SELECT contact_id FROM channel_identities WHERE channel = ? AND address = ?', [channel, address]);
  return row?.contact_id;
}

async function addIdentity(tx: SqlTx, contactId: string, channel: string, address: string | undefined, now: string): Promise<boolean> {
  if (!address) return false;
  const changed = await tx.run('INSERT INTO channel_identities (id, contact_id, channel, address, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    [newId(), contactId, channel, address, now]);
  return changed > 0;
}

/** The contact's known values win; the import only fills in what is missing. */
async function upsert(tx: SqlTx, contact: NormalisedContact, now: string): Promise<{ id: string; outcome: Outcome } | string> {
  const byEmail = await contactOf(tx, 'email', contact.email);
  const byPhone = await contactOf(tx, 'sms', contact.phone);
  if (byEmail && byPhone && byEmail !== byPhone) return `email and phone belong to two contacts (${byEmail}, ${byPhone}); merge them first`;
  const existing = byEmail ?? byPhone;
  if (!existing) {
    const id = newId();
    await tx.run('INSERT INTO contacts (id, attributes, created_at, updated_at) VALUES (?, ?, ?, ?)', [id, JSON.stringify(contact.attributes), now, now]);
    await addIdentity(tx, id, 'email', contact.email, now);
    await addIdentity(tx, id, 'sms', contact.phone, now);
    return { id, outcome: 'created' };
  }
  const row = await tx.get<{ attributes: string }>('SELECT attributes FROM contacts WHERE id = ?', [existing]);
  const current = JSON.parse(row?.attributes ?? '{}') as Record<string, unknown>;
  const merged = { ...contact.attributes, ...current };
  let changed = Object.keys(merged).length !== Object.keys(current).length;
  if (changed) await tx.run('UPDATE contacts SET attributes = ?, updated_at = ? WHERE id = ?', [JSON.stringify(merged), now, existing]);
  if (await addIdentity(tx, existing, 'email', byEmail ? undefined : contact.email, now)) changed = true;
  if (await addIdentity(tx, existing, 'sms', byPhone ? undefined : contact.phone, now)) changed = true;
  return { id: existing, outcome: changed ? 'updated' : 'unchanged' };
}

/** Appends the row's consent unless the contact's latest event for that channel and purpose already says the same. */
async function recordConsent(tx: SqlTx, contactId: string, contact: NormalisedContact, options: ImportOptions): Promise<boolean> {
  const consent = contact.consent;
  if (!consent) return false;
  const latest = await tx.get<{ action: string; disclosure_version: string | null; created_at: string | Date }>(
    'SELECT action, disclosure_version, created_at FROM consent_events WHERE contact_id = ? AND channel = ? AND purpose = ? ORDER BY seq DESC LIMIT 1',
    [contactId, consent.channel, consent.purpose],
  );
  const same = latest && latest.action === consent.action && (latest.disclosure_version ?? undefined) === consent.disclosureVersion
    && (!consent.at || new Date(latest.created_at).getTime() === consent.at.getTime());
  if (same) return false;
  const evidence: Record<string, string> = { importLine: String(contact.line) };
  if (contact.email) evidence.email = contact.email;
  if (contact.phone) evidence.phone = contact.phone;
  await consentLedger.append(tx, {
    contactId, channel: consent.channel, purpose: consent.purpose, action: consent.action, source: 'import',
    disclosureText: consent.disclosureText, disclosureVersion: consent.disclosureVersion, evidence, actor: options.actor, at: consent.at ?? options.at,
  });
  return true;
}

/**
 * Imports contacts in batches, one transaction each: rows are normalised, matched to existing contacts by email or
 * phone, merged, and their consent evidence appended. A bad row is reported with its line and never stops the others;
 * importing the same rows again changes nothing.
 */
export async function importContacts(db: SqlDatabase, rows: readonly RawContactRow[], options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { rows: rows.length, created: 0, updated: 0, unchanged: 0, consentEvents: 0, errors: [] };
  const now = options.at.toISOString();
  const size = options.batchSize ?? 500;
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    // A group-committed transaction may run its work again: counts are kept per attempt and added once it commits.
    const counted = await db.transaction(async (tx) => {
      const part = { created: 0, updated: 0, unchanged: 0, consentEvents: 0, errors: [] as ImportReport['errors'] };
      for (const raw of batch) {
        const verdict = normaliseContactRow(raw, options.defaultRegion);
        if (!verdict.ok) {
          part.errors.push({ line: verdict.line, reason: verdict.reason });
          continue;
        }
        const result = await upsert(tx, verdict.contact, now);
        if (typeof result === 'string') {
          part.errors.push({ line: raw.line, reason: result });
          continue;
        }
        part[result.outcome]++;
        if (await recordConsent(tx, result.id, verdict.contact, options)) part.consentEvents++;
      }
      return part;
    });
    for (const key of ['created', 'updated', 'unchanged', 'consentEvents'] as const) report[key] += counted[key];
    report.errors.push(...counted.errors);
    options.onProgress?.(Math.min(start + size, rows.length), rows.length);
  }
  return report;
}
