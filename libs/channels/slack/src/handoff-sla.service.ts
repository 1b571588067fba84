import { Injectable } from '@nestjs/common';
import { cardTitle, renderHandoffCard } from './handoff-card';
import { HandoffThreads, type HandoffThread } from './handoff-thread.port';
import type { SlaStep } from './handoff-timers.port';
import { SlackApi } from './slack-api.port';
import { escalationChannel, SlackOptions, SLA_DEFAULTS } from './slack-options';

export type SlaOutcome = 'pinged' | 'rerouted' | 'stale';

/** Runs a due SLA timer: a card still unclaimed in the timer's round is pinged, or moved to the escalation channel. */
@Injectable()
export class HandoffSla {
  constructor(
    private readonly options: SlackOptions,
    private readonly api: SlackApi,
    private readonly threads: HandoffThreads,
  ) {}

  async run(conversationId: string, step: SlaStep, round: number): Promise<SlaOutcome> {
    const thread = await this.threads.byConversation(conversationId);
    // Claimed, assigned, not a fit, snoozed again or moved since: this timer has nothing left to do.
    if (!thread || thread.card.state.status !== 'open' || (thread.card.sla?.round ?? 0) !== round) return 'stale';
    const target = escalationChannel(this.options);
    if (step === 'ping' || target === thread.channel) {
      const waited = step === 'ping' ? (this.options.slaPingMinutes ?? SLA_DEFAULTS.pingMinutes) : (this.options.slaRerouteMinutes ?? SLA_DEFAULTS.rerouteMinutes);
      await this.api.postMessage({
        channel: thread.channel,
        threadTs: thread.ts,
        broadcast: true,
        text: `<!here> Still unclaimed after ${waited} min: ${thread.card.name ?? 'a visitor'} on ${thread.card.customerChannel}. Claim it or assign it to someone.`,
      });
      return 'pinged';
    }
    await this.reroute(thread, target, round);
    return 'rerouted';
  }

  /** A fresh card in the escalation channel takes over the thread; the old one points there. */
  private async reroute(thread: HandoffThread, target: string, round: number): Promise<void> {
    const minutesWaited = this.options.slaRerouteMinutes ?? SLA_DEFAULTS.rerouteMinutes;
    const card = { ...thread.card, state: { status: 'open' as const }, route: `escalation after ${minutesWaited} min`, sla: { round: round + 1 } };
    const posted = await this.api.postMessage({ channel: target, text: `<!here> ${cardTitle(card)} (unclaimed for ${minutesWaited} min)`, blocks: renderHandoffCard(card) });
    await this.threads.save({ ...thread, channel: posted.channel, ts: posted.ts, card });
    const moved = `:arrow_right: Unclaimed after ${minutesWaited} min; moved to <#${target}>`;
    await this.api.updateMessage({ channel: thread.channel, ts: thread.ts, text: moved, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: moved } }] });
  }
}
