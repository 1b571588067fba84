import { Logger } from '@nestjs/common';
import type { InboundMessage } from '@parley/core';
import { HandoffDesk, type ConversationSnapshot } from '@parley/engine';
import { SlackApi } from './slack-api.port';
import { HandoffThreads } from './handoff-thread.port';

/** A human-owned conversation's customer messages go to its card's thread in Slack. */
export class SlackHandoffDesk extends HandoffDesk {
  private readonly logger = new Logger('SlackDesk');

  constructor(
    private readonly api: SlackApi,
    private readonly threads: HandoffThreads,
  ) {
    super();
  }

  async relay(conversation: ConversationSnapshot, message: InboundMessage): Promise<void> {
    const thread = await this.threads.byConversation(conversation.id);
    if (!thread) return;
    const text = message.text ?? message.payload ?? '';
    // The message is stored already; a Slack outage must not fail the customer's turn.
    await this.api
      .postMessage({ channel: thread.channel, threadTs: thread.ts, text: `*Customer:* ${text}` })
      .catch((error: unknown) => this.logger.warn(`could not mirror a message of ${conversation.id}: ${String(error)}`));
  }
}
