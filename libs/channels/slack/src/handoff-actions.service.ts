import { Injectable } from '@nestjs/common';
import { Clock, ConversationEngine, KeyedQueue, type AgentReplyHeld } from '@parley/engine';
import { cardTitle, renderHandoffCard, type HandoffCardState } from './handoff-card';
import { HandoffThreads, type HandoffThread } from './handoff-thread.port';
import { SlaSchedule } from './sla-schedule';
import { SlackApi } from './slack-api.port';
import { minutes, SLA_DEFAULTS, SlackOptions } from './slack-options';

export const JOINING_TEXT = 'A person from our team is joining the conversation.';

export type ActionOutcome = 'done' | 'lost' | 'unknown';

const CARD_WAIT_ATTEMPTS = 10;
const CARD_WAIT_MS = 200;

/** Told in the thread when a rep's reply could not go out, so the rep knows the customer did not get it. */
export function heldText(held: AgentReplyHeld): string {
  if (held.held === 'opted_out') return ':no_entry: Not sent: the customer opted out of text messages on this channel.';
  if (held.held === 'whatsapp_window_closed') {
    return ":no_entry: Not sent: the customer's last WhatsApp message is more than 24 hours old, and WhatsApp allows only approved templates after that (whatsapp_window_closed).";
  }
  const until = held.until ? ` after <!date^${Math.floor(held.until.getTime() / 1000)}^{date_short_pretty} {time}|${held.until.toISOString()}>` : ' later';
  return `:crescent_moon: Not sent: it is quiet hours where the customer is. Send it again${until}.`;
}

/** What reps do on a card: claim or assign it (one owner wins), snooze it, mark it not a fit, hand it back or resolve it, reply in its thread. */
@Injectable()
export class HandoffActions {
  /** One action per card at a time in this process; the owner transfer settles races across instances. */
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly engine: ConversationEngine,
    private readonly api: SlackApi,
    private readonly threads: HandoffThreads,
    private readonly sla: SlaSchedule,
    private readonly clock: Clock,
    private readonly options: SlackOptions,
  ) {}

  claim(conversationId: string, user: string): Promise<ActionOutcome> {
    return this.take(conversationId, user, { status: 'claimed', by: user });
  }

  /** Assign to…: the chosen rep becomes the owner; on a claimed card the owner changes hands. */
  assign(conversationId: string, user: string, assignee: string): Promise<ActionOutcome> {
    return this.queue.run(conversationId, async () => {
      const thread = await this.cardOf(conversationId);
      if (thread?.card.state.status !== 'claimed') return this.takeNow(thread, user, { status: 'claimed', by: assignee, assignedBy: user });
      await this.show(thread, { status: 'claimed', by: assignee, assignedBy: user });
      return 'done';
    });
  }

  /** Snooze: the card waits; its SLA timers start again, with the ping due when the snooze ends. */
  snooze(conversationId: string, user: string): Promise<ActionOutcome> {
    return this.queue.run(conversationId, async () => {
      const thread = await this.cardOf(conversationId);
      if (!thread || thread.card.state.status !== 'open') return this.refuse(thread, user);
      const until = new Date(this.clock.now().getTime() + minutes(this.options.snoozeMinutes ?? SLA_DEFAULTS.snoozeMinutes));
      const round = (thread.card.sla?.round ?? 0) + 1;
      await this.show({ ...thread, card: { ...thread.card, sla: { round } } }, { status: 'open', snoozedUntil: until.toISOString() });
      await this.sla.start(conversationId, round, until, true);
      return 'done';
    });
  }

  decline(conversationId: string, user: string): Promise<ActionOutcome> {
    return this.queue.run(conversationId, async () => {
      const thread = await this.cardOf(conversationId);
      if (!thread || thread.card.state.status !== 'open') return this.refuse(thread, user);
      await this.show(thread, { status: 'declined', by: user });
      return 'done';
    });
  }

  /** Hand back to bot, or Resolve: the takeover ends and the flow answers the customer's next message. */
  end(conversationId: string, user: string, how: 'released' | 'resolved'): Promise<ActionOutcome> {
    return this.queue.run(conversationId, async () => {
      const thread = await this.cardOf(conversationId);
      if (!thread) return 'unknown';
      if (!(await this.engine.transferOwner(conversationId, 'human', 'bot'))) return this.refuse(thread, user);
      await this.show(thread, { status: how, by: user });
      return 'done';
    });
  }

  /** A rep's reply in a claimed card's thread goes to the customer as the agent's message. */
  async reply(channel: string, threadTs: string, text: string): Promise<ActionOutcome> {
    const thread = await this.threads.byMessage(channel, threadTs);
    if (!thread) return 'unknown';
    const open = await this.engine.find(thread.conversationId);
    if (open?.conversation.owner !== 'human' || thread.card.state.status !== 'claimed') return 'lost';
    const sent = await this.engine.sendAsAgent(thread.conversationId, text);
    if (sent && 'held' in sent) {
      await this.api.postMessage({ channel: thread.channel, threadTs: thread.ts, text: heldText(sent) });
      return 'lost';
    }
    return 'done';
  }

  private take(conversationId: string, user: string, state: HandoffCardState): Promise<ActionOutcome> {
    return this.queue.run(conversationId, async () => this.takeNow(await this.cardOf(conversationId), user, state));
  }

  private async takeNow(thread: HandoffThread | undefined, user: string, state: HandoffCardState): Promise<ActionOutcome> {
    if (!thread || thread.card.state.status !== 'open') return this.refuse(thread, user);
    if (!(await this.engine.transferOwner(thread.conversationId, 'bot', 'human'))) return this.refuse(thread, user);
    await this.show(thread, state);
    await this.engine.sendAsAgent(thread.conversationId, JOINING_TEXT);
    return 'done';
  }

  /**
   * The card of a conversation. Slack shows a card before our post call returns and we store it, so a
   * quick click may come first: it waits a moment for the card rather than being dropped.
   */
  private async cardOf(conversationId: string): Promise<HandoffThread | undefined> {
    for (let attempt = 0; ; attempt++) {
      const thread = await this.threads.byConversation(conversationId);
      if (thread || attempt >= CARD_WAIT_ATTEMPTS || !(await this.engine.find(conversationId))) return thread;
      await new Promise((resolve) => setTimeout(resolve, CARD_WAIT_MS));
    }
  }

  /** The rep who lost a race (or pressed a stale button) is told why, privately. */
  private async refuse(thread: HandoffThread | undefined, user: string): Promise<ActionOutcome> {
    if (!thread) return 'unknown';
    const latest = (await this.threads.byConversation(thread.conversationId)) ?? thread;
    const { state } = latest.card;
    const why = 'by' in state ? `it was ${state.status} by <@${state.by}>` : 'it changed meanwhile';
    await this.api.postEphemeral({ channel: latest.channel, user, text: `Too late for that: ${why}.` }).catch(() => undefined);
    return 'lost';
  }

  private async show(thread: HandoffThread, state: HandoffCardState): Promise<void> {
    const card = { ...thread.card, state };
    await this.threads.save({ ...thread, card });
    await this.api.updateMessage({ channel: thread.channel, ts: thread.ts, text: cardTitle(card), blocks: renderHandoffCard(card) });
  }
}
