import { newId } from '@parley/core';
import { consentStatus } from '@parley/consent';
import { consentLedger } from './sql-consent-ledger';
import type { SqlDatabase } from './sql/sql-database';
import { jsonObject } from './sql/json-object';

/** Contacts and the outbox as the email sequences see them (implements @parley/followup's EmailAudience). */
export class SqlEmailAudience {
  constructor(private readonly db: SqlDatabase) {}

  async recipient(contactId: string): Promise<{ contactId: string; email?: string; attributes: Record<string, unknown>; marketingConsent: 'granted' | 'revoked' | 'unknown' } | undefined> {
    const row = await this.db.get<{ attributes: string }>('SELECT attributes FROM contacts WHERE id = ?', [contactId]);
    if (!row) return undefined;
    const attributes = jsonObject(row.attributes);
    const email = typeof attributes.email === 'string' && attributes.email.includes('@') ? attributes.email.trim() : undefined;
    const marketingConsent = consentStatus(await consentLedger.of(this.db, contactId), 'email', 'marketing');
    return { contactId, email, attributes, marketingConsent };
  }

  async enqueue(job: { type: string; payload: Record<string, unknown>; idempotencyKey: string; runAt: Date }): Promise<void> {
    const at = new Date().toISOString();
    await this.db.transaction((tx) =>
      tx.run(
        `INSERT INTO outbox_jobs (id, type, payload, idempotency_key, status, attempts, run_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
        [newId(), job.type, JSON.stringify(job.payload), job.idempotencyKey, job.runAt.toISOString(), at, at],
      ),
    );
  }
}
