import { newId, type ChannelName, type Owner, type StoredMessage } from '@parley/core';
import { ConversationStore, type OpenConversation, type TurnOutcome, type TurnRecord } from '@parley/engine';
import type { ConsentDraft } from '@parley/consent';
import { samePhoneIdentities } from './contacts/same-phone';
import { consentLedger } from './sql-consent-ledger';
import { toDate, toOpenConversation, toStoredMessage, type MessageRow, type OpenConversationRow } from './conversation-rows';
import type { SqlDatabase, SqlTx } from './sql/sql-database';

const OPEN_SQL = `SELECT c.id, c.contact_id, c.flow_id, c.flow_version, c.state, c.owner, c.version, c.message_count, ct.attributes
  FROM conversations c JOIN contacts ct ON ct.id = c.contact_id
  WHERE c.channel = ? AND c.address = ? ORDER BY c.created_at DESC LIMIT 1`;

const FIND_SQL = `SELECT c.id, c.contact_id, c.channel, c.address, c.flow_id, c.flow_version, c.state, c.owner, c.version,
  c.message_count, ct.attributes FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE c.id = ?`;

const INSERT_MESSAGE_SQL = `INSERT INTO messages
  (id, conversation_id, channel, external_id, direction, sender, text, payload, quick_replies, attachments, kind, status, position, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const REFUSED_MESSAGE_SQL = `INSERT INTO messages
  (id, conversation_id, channel, external_id, direction, sender, text, payload, quick_replies, kind, status, delivery_error, position, created_at)
  VALUES (?, ?, ?, NULL, 'out', ?, ?, NULL, ?, ?, 'failed', ?, ?, ?)`;

/**
 * How long a conversation read stays in memory. Its state is safe to cache at any age (every write checks the
 * version, and a conflict drops the entry); the contact's attributes may lag a change made through another
 * channel by at most this long.
 */
const RECENT_TTL_MS = 30_000;
const RECENT_LIMIT = 50_000;

function mergedAttributes(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export class SqlConversationStore extends ConversationStore {
  private readonly mergeAttributesSql: string;
  private readonly recent = new Map<string, { open: OpenConversation; at: number }>();

  constructor(private readonly db: SqlDatabase) {
    super();
    this.mergeAttributesSql =
      db.dialect === 'postgres'
        ? 'UPDATE contacts SET attributes = (attributes::jsonb || ?::jsonb)::text, updated_at = ? WHERE id = ?'
        : 'UPDATE contacts SET attributes = json_patch(attributes, ?), updated_at = ? WHERE id = ?';
  }

  async open(channel: ChannelName, address: string, at: Date): Promise<OpenConversation> {
    const key = `${channel}:${address}`;
    const hit = this.recent.get(key);
    if (hit && Date.now() - hit.at < RECENT_TTL_MS) return hit.open;
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await this.db.get<OpenConversationRow>(OPEN_SQL, [channel, address]);
      if (row) return this.remember(key, toOpenConversation(row, channel, address));
      await this.createConversation(channel, address, at);
    }
    throw new Error(`could not open a conversation for ${channel}:${address}`);
  }

  private createConversation(channel: ChannelName, address: string, at: Date): Promise<void> {
    const now = at.toISOString();
    return this.db.transaction(async (tx) => {
      // Locking the identity makes concurrent first messages from one address create one conversation, not two.
      const identity = await tx.get<{ contact_id: string }>(
        `SELECT contact_id FROM channel_identities WHERE channel = ? AND address = ?${this.db.dialect === 'postgres' ? ' FOR UPDATE' : ''}`,
        [channel, address],
      );
      if (identity && (await tx.get('SELECT id FROM conversations WHERE channel = ? AND address = ? LIMIT 1', [channel, address]))) return;
      let contactId = identity?.contact_id;
      if (!contactId) {
        const samePhone = await this.contactOfSamePhone(tx, channel, address);
        contactId = samePhone ?? newId();
        const created = await tx.run(
          `INSERT INTO channel_identities (id, contact_id, channel, address, created_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (channel, address) DO NOTHING`,
          [newId(), contactId, channel, address, now],
        );
        if (created === 0) return;
        if (!samePhone) {
          await tx.run('INSERT INTO contacts (id, attributes, created_at, updated_at) VALUES (?, ?, ?, ?)', [contactId, '{}', now, now]);
        }
      }
      await tx.run(
        `INSERT INTO conversations (id, contact_id, channel, address, owner, version, message_count, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'bot', 0, 0, ?, ?)`,
        [newId(), contactId, channel, address, now, now],
      );
    });
  }

  private async contactOfSamePhone(tx: SqlTx, channel: ChannelName, address: string): Promise<string | undefined> {
    for (const sibling of samePhoneIdentities(channel, address)) {
      const row = await tx.get<{ contact_id: string }>('SELECT contact_id FROM channel_identities WHERE channel = ? AND address = ?', [sibling.channel, sibling.address]);
      if (row) return row.contact_id;
    }
    return undefined;
  }

  async findInbound(channel: ChannelName, externalId: string): Promise<{ id: string } | undefined> {
    return this.db.get<{ id: string }>('SELECT id FROM messages WHERE channel = ? AND external_id = ?', [channel, externalId]);
  }

  private remember(key: string, open: OpenConversation): OpenConversation {
    this.recent.delete(key);
    if (this.recent.size >= RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(key, { open, at: Date.now() });
    return open;
  }

  async commitTurn(turn: TurnRecord): Promise<TurnOutcome> {
    const { conversation } = turn;
    const key = `${conversation.channel}:${conversation.address}`;
    const outcome = await this.commitOrConflict(turn);
    const cached = this.recent.get(key)?.open;
    if (outcome.status !== 'duplicate') this.recent.delete(key);
    if (outcome.status === 'committed' && cached?.conversation.version === conversation.version) {
      const added = (turn.inbound ? 1 : 0) + turn.outbound.length + (turn.refused?.length ?? 0);
      this.remember(key, {
        contact: { id: turn.contactId, attributes: mergedAttributes(cached.contact.attributes, turn.attributes) },
        conversation: {
          ...conversation,
          flowId: turn.flowId,
          flowVersion: turn.flowVersion,
          state: turn.state ?? null,
          owner: turn.owner,
          version: conversation.version + 1,
          messageCount: conversation.messageCount + added,
        },
      });
    }
    return outcome;
  }

  private async commitOrConflict(turn: TurnRecord): Promise<TurnOutcome> {
    try {
      return await this.db.transaction((tx) => this.writeTurn(tx, turn));
    } catch (error) {
      // Two turns of one contact appending consent at once: the loser re-runs on fresh state.
      if (/uq_consent_events_seq|consent_events\.contact_id/.test(String(error))) return { status: 'conflict' };
      throw error;
    }
  }

  private async writeTurn(tx: SqlTx, turn: TurnRecord): Promise<TurnOutcome> {
    const { conversation, inbound, outbound } = turn;
    const at = turn.at.toISOString();
    const refused = turn.refused ?? [];
    const added = (inbound ? 1 : 0) + outbound.length + refused.length;
    // Inbound first: a duplicate is found before anything is written; a version conflict then undoes the insert.
    let position = conversation.messageCount;
    if (inbound) {
      const stored = await tx.run(`${INSERT_MESSAGE_SQL} ON CONFLICT (channel, external_id) DO NOTHING`, [
        inbound.id, conversation.id, inbound.channel, inbound.externalId, 'in', 'visitor', inbound.text,
        inbound.payload ?? null, null, inbound.attachments?.length ? JSON.stringify(inbound.attachments) : null,
        'conversational', 'received', ++position, inbound.at.toISOString(),
      ]);
      if (stored === 0) {
        const prior = await tx.get<{ id: string }>('SELECT id FROM messages WHERE channel = ? AND external_id = ?', [inbound.channel, inbound.externalId]);
        return { status: 'duplicate', messageId: prior?.id ?? inbound.id };
      }
    }
    const updated = await tx.run(
      `UPDATE conversations SET flow_id = ?, flow_version = ?, state = ?, owner = ?, version = version + 1,
         message_count = message_count + ?, updated_at = ? WHERE id = ? AND version = ?`,
      [turn.flowId, turn.flowVersion, JSON.stringify(turn.state ?? null), turn.owner, added, at, conversation.id, conversation.version],
    );
    if (updated === 0) {
      if (inbound) await tx.run('DELETE FROM messages WHERE id = ?', [inbound.id]);
      return { status: 'conflict' };
    }
    for (const message of outbound) {
      await tx.run(INSERT_MESSAGE_SQL, [
        message.id, conversation.id, message.channel, null, 'out', message.from, message.text, null,
        message.quickReplies ? JSON.stringify(message.quickReplies) : null, null, message.kind, 'stored', ++position, at,
      ]);
    }
    for (const { message, reason } of refused) {
      await tx.run(REFUSED_MESSAGE_SQL, [
        message.id, conversation.id, message.channel, message.from, message.text,
        message.quickReplies ? JSON.stringify(message.quickReplies) : null, message.kind, reason, ++position, at,
      ]);
    }
    if (Object.keys(turn.attributes).length) {
      await tx.run(this.mergeAttributesSql, [JSON.stringify(turn.attributes), at, turn.contactId]);
    }
    for (const draft of turn.consent) await consentLedger.append(tx, draft);
    if (turn.misunderstood) {
      const { text, locale, guesses } = turn.misunderstood;
      await tx.run(
        `INSERT INTO misunderstood_utterances (id, conversation_id, channel, text, locale, guesses, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [newId(), conversation.id, conversation.channel, text, locale ?? null, JSON.stringify(guesses), at],
      );
    }
    for (const job of turn.jobs) {
      await tx.run(
        `INSERT INTO outbox_jobs (id, type, payload, idempotency_key, status, attempts, run_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
        [newId(), job.type, JSON.stringify(job.payload), job.idempotencyKey, job.runAt.toISOString(), at, at],
      );
    }
    return { status: 'committed' };
  }

  /** Drops a contact's cached conversations, so an erasure is not undone by a later turn writing stale state. */
  forgetContact(contactId: string): void {
    for (const [key, entry] of this.recent) if (entry.open.contact.id === contactId) this.recent.delete(key);
  }

  consentEvents(contactId: string): Promise<ConsentDraft[]> {
    return consentLedger.of(this.db, contactId);
  }

  async history(conversationId: string, limit: number): Promise<StoredMessage[]> {
    const rows = await this.db.all<MessageRow>(
      `SELECT id, conversation_id, sender, text, quick_replies, attachments, created_at FROM messages
       WHERE conversation_id = ? ORDER BY position DESC LIMIT ?`,
      [conversationId, limit],
    );
    return rows.reverse().map(toStoredMessage);
  }

  async lastInboundAt(conversationId: string): Promise<Date | undefined> {
    const row = await this.db.get<{ created_at: string | Date }>(
      `SELECT created_at FROM messages WHERE conversation_id = ? AND direction = 'in' ORDER BY position DESC LIMIT 1`,
      [conversationId],
    );
    return row ? toDate(row.created_at) : undefined;
  }

  async find(conversationId: string): Promise<OpenConversation | undefined> {
    const row = await this.db.get<OpenConversationRow & { channel: ChannelName; address: string }>(FIND_SQL, [conversationId]);
    return row && toOpenConversation(row, row.channel, row.address);
  }

  async transferOwner(conversationId: string, from: Owner, to: Owner, at: Date): Promise<boolean> {
    const updated = await this.db.run(
      'UPDATE conversations SET owner = ?, version = version + 1, updated_at = ? WHERE id = ? AND owner = ?',
      [to, at.toISOString(), conversationId, from],
    );
    const row = await this.db.get<{ channel: string; address: string }>('SELECT channel, address FROM conversations WHERE id = ?', [conversationId]);
    if (row) this.recent.delete(`${row.channel}:${row.address}`);
    return updated === 1;
  }
}
