import type { Attachment, ChannelName, IntentGuess, OutboundMessage, Owner, StoredMessage } from '@parley/core';
import type { ConsentDraft } from '@parley/consent';

export interface ContactSnapshot {
  id: string;
  attributes: Record<string, unknown>;
}

export interface ConversationSnapshot {
  id: string;
  contactId: string;
  channel: ChannelName;
  address: string;
  flowId: string | null;
  flowVersion: string | null;
  /** The flow runner's state as it stored it; null before the flow started. */
  state: unknown;
  owner: Owner;
  version: number;
  messageCount: number;
}

export interface OpenConversation {
  contact: ContactSnapshot;
  conversation: ConversationSnapshot;
}

export interface InboundRecord {
  id: string;
  channel: ChannelName;
  externalId: string;
  text: string;
  payload?: string;
  attachments?: Attachment[];
  at: Date;
}

export interface OutboxJobDraft {
  type: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  runAt: Date;
}

/** Everything one turn changes, written in one transaction. */
export interface TurnRecord {
  conversation: ConversationSnapshot;
  contactId: string;
  inbound?: InboundRecord;
  flowId: string | null;
  flowVersion: string | null;
  state: unknown;
  owner: Owner;
  /** Attributes to merge into the contact's. */
  attributes: Record<string, unknown>;
  outbound: OutboundMessage[];
  /** Messages the outbound gate refused: stored as failed, with the reason as their delivery error, and never sent. */
  refused?: { message: OutboundMessage; reason: string }[];
  jobs: OutboxJobDraft[];
  /** Consent changes, appended to the contact's hash-chained ledger in the same transaction. */
  consent: ConsentDraft[];
  /** A text the NLU and the flow could not place, queued for labelling. */
  misunderstood?: { text: string; locale?: string; guesses: IntentGuess[] };
  at: Date;
}

export type TurnOutcome =
  | { status: 'committed' }
  /** Another writer changed the conversation first: reload and run the turn again. */
  | { status: 'conflict' }
  /** The inbound message was stored before (a retry or a duplicate webhook). */
  | { status: 'duplicate'; messageId: string };

export abstract class ConversationStore {
  /** Finds or creates the contact, the identity and the open conversation of a channel address. */
  abstract open(channel: ChannelName, address: string, at: Date): Promise<OpenConversation>;
  abstract findInbound(channel: ChannelName, externalId: string): Promise<{ id: string } | undefined>;
  abstract commitTurn(turn: TurnRecord): Promise<TurnOutcome>;
  abstract history(conversationId: string, limit: number): Promise<StoredMessage[]>;
  /** When the person last wrote in the conversation (WhatsApp's customer-service window runs from it). */
  abstract lastInboundAt(conversationId: string): Promise<Date | undefined>;
  /** The contact's consent ledger, oldest first (current consent is derived from it). */
  abstract consentEvents(contactId: string): Promise<ConsentDraft[]>;
  /** The conversation (and its contact) by id, read fresh. */
  abstract find(conversationId: string): Promise<OpenConversation | undefined>;
  /** Moves ownership only while the owner is still `from` (one claim wins a race); bumps the version so cached snapshots conflict. */
  abstract transferOwner(conversationId: string, from: Owner, to: Owner, at: Date): Promise<boolean>;
}
