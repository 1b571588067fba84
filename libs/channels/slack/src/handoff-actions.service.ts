import { Injectable } from '@nestjs/common';
import { ConversationEngine } from '@parley/engine';
import { cardTitle, renderHandoffCard, type HandoffCardState } from './handoff-card';
import { HandoffThreads, type HandoffThread } from './handoff-thread.port';
import { SlackApi } from './slack-api.port';

export const JOINING_TEXT = 'A person from our team is joining the conversation.';

export type ActionOutcome = 'done' | 'lost' | 'unknown';

/** What reps do on a card: claim it (one wins), mark it not a fit, hand it back, reply in its thread. */
@Injectable()
export class HandoffActions {
  constructor(
    private readonly engine: ConversationEngine,
    private readonly api: SlackApi,
    private readonly threads: HandoffThreads,
  ) {}

  async claim(conversationId: string, user: string): Promise<ActionOutcome> {
    const thread = await this.threads.byConversation(conversationId);
    if (!thread || thread.card.state.status !== 'open') return thread ? 'lost' : 'unknown';
    if (!(await this.engine.transferOwner(conversationId, 'bot', 'human'))) return 'lost';
    await this.show(thread, { status: 'claimed', by: user });
    await this.engine.sendAsAgent(conversationId, JOINING_TEXT);
    return 'done';
  }

  async decline(conversationId: string, user: string): Promise<ActionOutcome> {
    const thread = await this.threads.byConversation(conversationId);
    if (!thread || thread.card.state.status !== 'open') return thread ? 'lost' : 'unknown';
    await this.show(thread, { status: 'declined', by: user });
    return 'done';
  }

  async release(conversationId: string, user: string): Promise<ActionOutcome> {
    const thread = await this.threads.byConversation(conversationId);
    if (!thread) return 'unknown';
    if (!(await this.engine.transferOwner(conversationId, 'human', 'bot'))) return 'lost';
    await this.show(thread, { status: 'released', by: user });
    return 'done';
  }

  /** A rep's reply in a claimed card's thread goes to the customer as the agent's message. */
  async reply(channel: string, threadTs: string, text: string): Promise<ActionOutcome> {
    const thread = await this.threads.byMessage(channel, threadTs);
    if (!thread) return 'unknown';
    const open = await this.engine.find(thread.conversationId);
    if (open?.conversation.owner !== 'human' || thread.card.state.status !== 'claimed') return 'lost';
    await this.engine.sendAsAgent(thread.conversationId, text);
    return 'done';
  }

  private async show(thread: HandoffThread, state: HandoffCardState): Promise<void> {
    const card = { ...thread.card, state };
    await this.threads.save({ ...thread, card });
    await this.api.updateMessage({ channel: thread.channel, ts: thread.ts, text: cardTitle(card), blocks: renderHandoffCard(card) });
  }
}
