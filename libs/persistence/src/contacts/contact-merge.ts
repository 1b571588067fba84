import { CONSENT_CHANNELS, CONSENT_PURPOSES, consentStatus, type ConsentRecord } from '@parley/consent';
import { consentLedger } from '../sql-consent-ledger';
import type { SqlDatabase, SqlTx } from '../sql/sql-database';

export interface MergeResult {
  keptId: string;
  mergedId: string;
  identities: number;
  conversations: number;
  consentEvents: number;
}

export class MergeRefused extends Error {}

const PAIRS = CONSENT_CHANNELS.filter((c) => c !== 'all').flatMap((channel) =>
  CONSENT_PURPOSES.filter((p) => p !== 'all').map((purpose) => ({ channel, purpose })),
);

/**
 * The other's events are appended after the kept contact's, so a pair whose latest event (in time) came from the
 * kept contact could now read otherwise: such pairs get one more event restating the status in time order.
 */
async function restateByTime(tx: SqlTx, keptId: string, before: ConsentRecord[], moved: ConsentRecord[], actor: string, at: Date): Promise<number> {
  const byTime = [...before, ...moved].sort((a, b) => a.at.getTime() - b.at.getTime());
  const chain = await consentLedger.of(tx, keptId);
  let added = 0;
  for (const { channel, purpose } of PAIRS) {
    const truth = consentStatus(byTime, channel, purpose);
    if (truth === 'unknown' || consentStatus(chain, channel, purpose) === truth) continue;
    await consentLedger.append(tx, { contactId: keptId, channel, purpose, action: truth === 'granted' ? 'grant' : 'revoke', source: 'api',
      evidence: { mergeRestatement: 'latest event in time order before the merge' }, actor, at });
    added++;
  }
  return added;
}

/**
 * Merges `otherId` into `keptId` (one person found twice): identities, conversations and attributes move, the kept
 * contact's values winning. Both consent chains stay verifiable: the other's rows stay where they are and are copied
 * onto the kept chain as new rows that point back to them. The other contact stays as a tombstone.
 */
export async function mergeContacts(db: SqlDatabase, keptId: string, otherId: string, actor: string, at: Date): Promise<MergeResult | undefined> {
  if (keptId === otherId) throw new MergeRefused('a contact cannot be merged into itself');
  const now = at.toISOString();
  return db.transaction(async (tx) => {
    const kept = await tx.get<{ attributes: string }>('SELECT attributes FROM contacts WHERE id = ?', [keptId]);
    const other = await tx.get<{ attributes: string }>('SELECT attributes FROM contacts WHERE id = ?', [otherId]);
    if (!kept || !other) return undefined;
    const otherAttributes = JSON.parse(other.attributes) as Record<string, unknown>;
    if (typeof otherAttributes.mergedInto === 'string') throw new MergeRefused(`contact ${otherId} was already merged into ${otherAttributes.mergedInto}`);
    const identities = await tx.run('UPDATE channel_identities SET contact_id = ? WHERE contact_id = ?', [keptId, otherId]);
    const conversations = await tx.run('UPDATE conversations SET contact_id = ?, updated_at = ? WHERE contact_id = ?', [keptId, now, otherId]);
    const attributes = { ...otherAttributes, ...(JSON.parse(kept.attributes) as Record<string, unknown>) };
    await tx.run('UPDATE contacts SET attributes = ?, updated_at = ? WHERE id = ?', [JSON.stringify(attributes), now, keptId]);
    await tx.run('UPDATE contacts SET attributes = ?, updated_at = ? WHERE id = ?', [JSON.stringify({ mergedInto: keptId }), now, otherId]);
    const before = await consentLedger.of(tx, keptId);
    const moved = await consentLedger.of(tx, otherId);
    for (const event of moved) {
      await consentLedger.append(tx, {
        contactId: keptId, channel: event.channel, purpose: event.purpose, action: event.action, source: event.source,
        disclosureText: event.disclosureText, disclosureVersion: event.disclosureVersion, actor: event.actor, at: event.at,
        evidence: { ...event.evidence, mergedFrom: otherId, originalId: event.id, originalHash: event.hash },
      });
    }
    const restated = moved.length ? await restateByTime(tx, keptId, before, moved, actor, at) : 0;
    return { keptId, mergedId: otherId, identities, conversations, consentEvents: moved.length + restated };
  });
}
