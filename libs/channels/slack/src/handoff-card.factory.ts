import { Injectable } from '@nestjs/common';
import { ConversationEngine } from '@parley/engine';
import type { HandoffCardData, LeadScore } from './handoff-card';
import { LeadDirectory } from './lead-directory.port';
import { segmentsOf, type LeadFacts } from './routing/route-handoff';

const LAST_MESSAGES = 6;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : undefined);

export interface CardDraft {
  card: HandoffCardData;
  facts: LeadFacts;
}

/** A card for a conversation as it is now: the contact's details, score reasons, segments and last messages. */
@Injectable()
export class HandoffCardFactory {
  constructor(
    private readonly engine: ConversationEngine,
    private readonly directory: LeadDirectory,
  ) {}

  async build(conversationId: string, request: { queue?: string; priority?: string; reason?: string; score?: LeadScore } = {}): Promise<CardDraft | undefined> {
    const open = await this.engine.find(conversationId);
    if (!open) return undefined;
    const { attributes } = open.contact;
    const [history, score, live] = await Promise.all([
      this.engine.history(conversationId, LAST_MESSAGES),
      request.score ? Promise.resolve(request.score) : this.directory.score(open.contact.id, conversationId),
      this.directory.segments(open.contact.id),
    ]);
    const segments = segmentsOf(attributes, live);
    const card: HandoffCardData = {
      conversationId,
      name: text(attributes.name),
      email: text(attributes.email),
      phone: text(attributes.phone) ?? (open.conversation.channel === 'sms' || open.conversation.channel === 'whatsapp' ? open.conversation.address : undefined),
      company: text(attributes.company),
      companySize: text(attributes.companySize),
      segment: segments.join(', ') || undefined,
      score,
      customerChannel: open.conversation.channel,
      queue: request.queue,
      priority: request.priority,
      reason: request.reason,
      lastMessages: history.map((m) => ({ from: m.from, text: m.text })),
      state: { status: 'open' },
    };
    return { card, facts: { attributes, segments, queue: request.queue } };
  }
}
