import { Injectable } from '@nestjs/common';
import { ConversationEngine } from '@parley/engine';
import { cardTitle, renderHandoffCard, type HandoffCardData } from './handoff-card';
import type { HandoffRequest } from './handoff-request';
import { HandoffThreads } from './handoff-thread.port';
import { SlackApi } from './slack-api.port';
import { channelForQueue, slackProblem, SlackOptions } from './slack-options';

const LAST_MESSAGES = 6;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : undefined);

/** Runs a `handoff.request` job: posts the card for reps to the queue's Slack channel, once per job. */
@Injectable()
export class PostHandoffCard {
  constructor(
    private readonly options: SlackOptions,
    private readonly engine: ConversationEngine,
    private readonly api: SlackApi,
    private readonly threads: HandoffThreads,
  ) {}

  unavailable(): string | undefined {
    return slackProblem(this.options);
  }

  async execute(request: HandoffRequest, requestKey: string): Promise<void> {
    const prior = await this.threads.byConversation(request.conversationId);
    if (prior?.requestKey === requestKey) return;
    const open = await this.engine.find(request.conversationId);
    if (!open) return;
    const { attributes } = open.contact;
    const history = await this.engine.history(request.conversationId, LAST_MESSAGES);
    const card: HandoffCardData = {
      conversationId: request.conversationId,
      name: text(attributes.name),
      email: text(attributes.email),
      companySize: text(attributes.companySize),
      customerChannel: request.channel,
      queue: request.queue,
      priority: request.priority,
      reason: request.reason,
      lastMessages: history.map((m) => ({ from: m.from, text: m.text })),
      state: { status: 'open' },
    };
    const channel = channelForQueue(this.options, request.queue);
    const posted = await this.api.postMessage({ channel, text: cardTitle(card), blocks: renderHandoffCard(card) });
    await this.threads.save({ conversationId: request.conversationId, requestKey, channel: posted.channel, ts: posted.ts, card });
  }
}
