import { newId, type ChannelName, type Owner, type StoredMessage } from '@parley/core';
import type { ConsentDraft } from '@parley/consent';
import { ConversationStore, type ConversationSnapshot, type OpenConversation, type TurnOutcome, type TurnRecord } from './ports';

interface MemoryConversation extends ConversationSnapshot {
  messages: StoredMessage[];
}

/** A store for transcript tests and unit specs: the same contract as the SQL store, in memory. */
export class InMemoryConversationStore extends ConversationStore {
  readonly contacts = new Map<string, Record<string, unknown>>();
  readonly conversations = new Map<string, MemoryConversation>();
  private readonly inbound = new Map<string, string>();
  readonly jobs: TurnRecord['jobs'] = [];
  readonly misunderstood: NonNullable<TurnRecord['misunderstood']>[] = [];
  readonly consent: ConsentDraft[] = [];
  /** Refused messages with their reasons, as the SQL store keeps them as failed rows. */
  readonly refused: NonNullable<TurnRecord['refused']> = [];

  async open(channel: ChannelName, address: string): Promise<OpenConversation> {
    const key = `${channel}:${address}`;
    let conversation = this.conversations.get(key);
    if (!conversation) {
      const contactId = newId();
      this.contacts.set(contactId, {});
      conversation = {
        id: newId(), contactId, channel, address, flowId: null, flowVersion: null, state: null,
        owner: 'bot', version: 0, messageCount: 0, messages: [],
      };
      this.conversations.set(key, conversation);
    }
    const { messages: _messages, ...snapshot } = conversation;
    return {
      contact: { id: conversation.contactId, attributes: { ...this.contacts.get(conversation.contactId) } },
      conversation: structuredClone(snapshot),
    };
  }

  async findInbound(channel: ChannelName, externalId: string): Promise<{ id: string } | undefined> {
    const id = this.inbound.get(`${channel}:${externalId}`);
    return id ? { id } : undefined;
  }

  async commitTurn(turn: TurnRecord): Promise<TurnOutcome> {
    const stored = this.conversations.get(`${turn.conversation.channel}:${turn.conversation.address}`);
    if (!stored || stored.version !== turn.conversation.version) return { status: 'conflict' };
    if (turn.inbound) {
      const prior = this.inbound.get(`${turn.inbound.channel}:${turn.inbound.externalId}`);
      if (prior) return { status: 'duplicate', messageId: prior };
      this.inbound.set(`${turn.inbound.channel}:${turn.inbound.externalId}`, turn.inbound.id);
      const { attachments } = turn.inbound;
      stored.messages.push({ id: turn.inbound.id, conversationId: stored.id, from: 'visitor', text: turn.inbound.text, ...(attachments ? { attachments } : {}), at: turn.inbound.at });
    }
    for (const m of turn.outbound) {
      stored.messages.push({ id: m.id, conversationId: stored.id, from: m.from, text: m.text, quickReplies: m.quickReplies, at: m.at });
    }
    for (const { message: m } of turn.refused ?? []) stored.messages.push({ id: m.id, conversationId: stored.id, from: m.from, text: m.text, at: m.at });
    this.refused.push(...(turn.refused ?? []));
    Object.assign(stored, {
      flowId: turn.flowId,
      flowVersion: turn.flowVersion,
      state: structuredClone(turn.state ?? null),
      owner: turn.owner,
      version: stored.version + 1,
      messageCount: stored.messages.length,
    });
    Object.assign(this.contacts.get(turn.contactId) ?? {}, turn.attributes);
    this.jobs.push(...turn.jobs);
    if (turn.misunderstood) this.misunderstood.push(turn.misunderstood);
    this.consent.push(...turn.consent);
    return { status: 'committed' };
  }

  async consentEvents(contactId: string): Promise<ConsentDraft[]> {
    return this.consent.filter((c) => c.contactId === contactId);
  }

  async history(conversationId: string, limit: number): Promise<StoredMessage[]> {
    const conversation = [...this.conversations.values()].find((c) => c.id === conversationId);
    return (conversation?.messages ?? []).slice(-limit);
  }

  async lastInboundAt(conversationId: string): Promise<Date | undefined> {
    const conversation = [...this.conversations.values()].find((c) => c.id === conversationId);
    return conversation?.messages.findLast((m) => m.from === 'visitor')?.at;
  }

  async find(conversationId: string): Promise<OpenConversation | undefined> {
    const conversation = [...this.conversations.values()].find((c) => c.id === conversationId);
    return conversation && this.open(conversation.channel, conversation.address);
  }

  async transferOwner(conversationId: string, from: Owner, to: Owner): Promise<boolean> {
    const conversation = [...this.conversations.values()].find((c) => c.id === conversationId);
    if (!conversation || conversation.owner !== from) return false;
    Object.assign(conversation, { owner: to, version: conversation.version + 1 });
    return true;
  }
}
