import type { ChannelName } from '@parley/core';
import { lifecycleStage, roundScore, snapshotScore, type ContactFacts, type ScoringRules } from '@parley/scoring';
import type { SqlTx } from '../sql/sql-database';
import { toActivity, toSnapshot, type ContactScoreRow } from './score-rows';
import { jsonObject } from '../sql/json-object';

/** Latest decision per purpose; a revoke of `all` withdraws every purpose granted before it. */
function consentsFrom(rows: { purpose: string; action: string }[]): Record<string, boolean> {
  const consents: Record<string, boolean> = {};
  for (const row of rows) {
    const granted = row.action === 'grant';
    if (row.purpose === 'all') for (const purpose of Object.keys(consents)) consents[purpose] = granted;
    consents[row.purpose] = granted;
  }
  return consents;
}

/** Everything segment filters look at for one contact, read inside the caller's transaction. */
export async function loadContactFacts(tx: SqlTx, contactId: string, rules: ScoringRules, now: Date, activitySince: Date | undefined): Promise<ContactFacts | undefined> {
  const contact = await tx.get<{ attributes: string }>('SELECT attributes FROM contacts WHERE id = ?', [contactId]);
  if (!contact) return undefined;
  const attributes = jsonObject(contact.attributes);
  const standing = await tx.get<ContactScoreRow>('SELECT score, lifecycle, snapshot FROM contact_scores WHERE contact_id = ?', [contactId]);
  const score = standing ? roundScore(snapshotScore(toSnapshot(standing.snapshot), rules, now)) : 0;
  const consents = consentsFrom(await tx.all<{ purpose: string; action: string }>('SELECT purpose, action FROM consent_events WHERE contact_id = ? ORDER BY seq', [contactId]));
  const channels = (await tx.all<{ channel: string }>('SELECT DISTINCT channel FROM channel_identities WHERE contact_id = ?', [contactId])).map((r) => r.channel as ChannelName);
  const activity = activitySince
    ? (await tx.all<{ detail: string; at: string }>('SELECT detail, at FROM contact_activity WHERE contact_id = ? AND at > ? ORDER BY at', [contactId, activitySince.toISOString()])).map(toActivity)
    : [];
  const tags = Array.isArray(attributes.tags) ? attributes.tags.filter((t): t is string => typeof t === 'string') : [];
  return { attributes, score, lifecycle: (standing?.lifecycle as ContactFacts['lifecycle']) ?? lifecycleStage(score, rules), consents, tags, channels, activity };
}
