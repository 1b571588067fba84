import { Injectable } from '@nestjs/common';
import { Clock } from '@parley/engine';
import { HandoffCardFactory } from './handoff-card.factory';
import { cardTitle, renderHandoffCard } from './handoff-card';
import type { HandoffRequest } from './handoff-request';
import { HandoffThreads } from './handoff-thread.port';
import { SlaSchedule } from './sla-schedule';
import { routeHandoff } from './routing/route-handoff';
import { NO_ROUTING } from './routing/slack-routing';
import { SlackApi } from './slack-api.port';
import { channelForQueue, slackProblem, SlackOptions } from './slack-options';

/** Runs a `handoff.request` job: posts the card to the channel the routing rules pick, once per job, and sets its SLA timers. */
@Injectable()
export class PostHandoffCard {
  constructor(
    private readonly options: SlackOptions,
    private readonly cards: HandoffCardFactory,
    private readonly api: SlackApi,
    private readonly threads: HandoffThreads,
    private readonly sla: SlaSchedule,
    private readonly clock: Clock,
  ) {}

  unavailable(): string | undefined {
    return slackProblem(this.options);
  }

  async execute(request: HandoffRequest, requestKey: string): Promise<void> {
    const prior = await this.threads.byConversation(request.conversationId);
    // A retried job, or a second request (a flow's handoff node and a trigger in one turn) while a card is live.
    if (prior?.requestKey === requestKey || prior?.card.state.status === 'open' || prior?.card.state.status === 'claimed') return;
    const draft = await this.cards.build(request.conversationId, request);
    if (!draft) return;
    const route = routeHandoff(this.options.routing ?? NO_ROUTING, draft.facts, channelForQueue(this.options, request.queue));
    const card = { ...draft.card, route: route.rule, sla: { round: 0 } };
    const postedAt = this.clock.now();
    const posted = await this.api.postMessage({ channel: route.channel, text: cardTitle(card), blocks: renderHandoffCard(card) });
    await this.threads.save({ conversationId: request.conversationId, requestKey, channel: posted.channel, ts: posted.ts, card });
    await this.sla.start(request.conversationId, 0, postedAt);
  }
}
