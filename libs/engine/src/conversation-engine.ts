import { newId, type ChannelName, type InboundMessage, type OutboundMessage, type Owner, type StoredMessage } from '@parley/core';
import { WHATSAPP_WINDOW_CLOSED, optedOutOfChannel } from '@parley/consent';
import { agentReplyHeld, type AgentReplyHeld } from './agent-reply-gate';
import { ledgerChannel } from './consent-from-flow';
import { KeyedQueue } from './keyed-queue';
import { gateOutbound, type GatedOutbound, type RefusedMessage } from './gate-outbound';
import { heldTimeoutJob } from './held-timeout-job';
import { planFlowTurn, toOutbound, unchanged, type FlowTimeout, type TurnPlan } from './plan-turn';
import type {
  Clock,
  ConversationStore,
  FlowCatalog,
  HandoffDesk,
  InboundCompliance,
  LanguageUnderstanding,
  LeadStanding,
  OpenConversation,
  OutboxJobDraft,
} from './ports';
import { SCORE_JOB_TYPES } from './ports';
import { scoreActivityJob } from './score-triggers';
import type { TransportRegistry } from './transport-registry';
import { jobsFromTriggers, type EventTrigger } from './triggers';

export interface EngineDependencies {
  store: ConversationStore;
  catalog: FlowCatalog;
  understanding: LanguageUnderstanding;
  compliance: InboundCompliance;
  handoff: HandoffDesk;
  transports: TransportRegistry;
  clock: Clock;
  onDeliveryError?: (error: unknown, message: OutboundMessage) => void;
  /** flows/triggers.yaml: jobs to enqueue on a turn's consent changes and lifecycle transitions. */
  triggers?: readonly EventTrigger[];
  /** Lead scoring and live segments; absent, flows read `score` and `segments` from the contact's attributes. */
  standing?: LeadStanding;
  onScoringError?: (error: unknown) => void;
}

export interface HandleResult {
  messageId: string;
  conversationId: string;
  duplicate: boolean;
  replies: OutboundMessage[];
  /** Messages the outbound gate would not send (WhatsApp's window closed, opted out), with the reason. */
  refused?: RefusedMessage[];
  /** Set when this turn asked for a human (a handoff node ran); a live channel such as a call may connect one at once. */
  handoff?: true;
}

export interface OpenResult {
  contactId: string;
  conversationId: string;
  history: StoredMessage[];
}

export type StoredCallback = (result: HandleResult) => void;

/** What starts a turn: the flow's first message, a person's message, or a wait node's deadline. */
type Trigger = { kind: 'start' } | { kind: 'message'; inbound: InboundMessage } | { kind: 'timeout'; timeout: FlowTimeout };

/** Randomised exponential backoff, so two instances contending for one conversation do not keep colliding. */
function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function stored(result: HandleResult, onStored?: StoredCallback): HandleResult {
  onStored?.(result);
  return result;
}

/** Channels where a person can opt out of everything we send (carrier rules): their replies pass the consent gate. */
const CONSENT_GATED = new Set<ChannelName>(['sms', 'whatsapp']);
type GatedChannel = 'sms' | 'whatsapp';

/** Optimistic-concurrency retries when another instance wrote the conversation first. */
const MAX_ATTEMPTS = 25;
const MAX_BACKOFF_MS = 50;
export const HISTORY_LIMIT = 200;

export class ConversationEngine {
  private readonly queue = new KeyedQueue();

  constructor(private readonly deps: EngineDependencies) {}

  /**
   * Messages of one conversation are processed one at a time, in arrival order.
   * `onStored` runs once the message is durably stored, before any reply is delivered (so an ack precedes the reply).
   */
  handle(inbound: InboundMessage, onStored?: StoredCallback): Promise<HandleResult> {
    return this.queue.run(`${inbound.channel}:${inbound.address}`, () =>
      this.attempt(inbound.channel, inbound.address, { kind: 'message', inbound }, onStored),
    );
  }

  open(channel: ChannelName, address: string): Promise<OpenResult> {
    return this.queue.run(`${channel}:${address}`, async () => {
      const open = await this.deps.store.open(channel, address, this.deps.clock.now());
      const history = await this.deps.store.history(open.conversation.id, HISTORY_LIMIT);
      return { contactId: open.contact.id, conversationId: open.conversation.id, history };
    });
  }

  /** Starts the flow of a conversation that has not started yet (a new visitor's greeting). */
  start(channel: ChannelName, address: string): Promise<OutboundMessage[]> {
    return this.queue.run(`${channel}:${address}`, () => this.attempt(channel, address, { kind: 'start' }).then((r) => r.replies));
  }

  /** A wait node's deadline passed (its outbox job is due): the flow takes its onTimeout path, if still waiting there. */
  async timeout(conversationId: string, timeout: FlowTimeout): Promise<HandleResult | undefined> {
    const found = await this.deps.store.find(conversationId);
    if (!found) return undefined;
    const { channel, address } = found.conversation;
    return this.queue.run(`${channel}:${address}`, () => this.attempt(channel, address, { kind: 'timeout', timeout }));
  }

  /** Resolves once every message being handled (stored, answered and delivered) is done: graceful shutdown waits on it. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Runs work in line with the turns of one address (a campaign send cannot interleave with that person's STOP). */
  exclusive<T>(channel: ChannelName, address: string, work: () => Promise<T>): Promise<T> {
    return this.queue.run(`${channel}:${address}`, work);
  }

  /** A conversation and its contact by id, read fresh (for the handoff desk). */
  find(conversationId: string): Promise<OpenConversation | undefined> {
    return this.deps.store.find(conversationId);
  }

  history(conversationId: string, limit = HISTORY_LIMIT): Promise<StoredMessage[]> {
    return this.deps.store.history(conversationId, limit);
  }

  /** Hands a conversation to a person or back to the bot; false when it was no longer owned by `from`. */
  async transferOwner(conversationId: string, from: Owner, to: Owner): Promise<boolean> {
    const found = await this.deps.store.find(conversationId);
    if (!found) return false;
    const { channel, address } = found.conversation;
    return this.queue.run(`${channel}:${address}`, () => this.deps.store.transferOwner(conversationId, from, to, this.deps.clock.now()));
  }

  /**
   * A person's reply from the desk: stored as the agent's message and delivered on the customer's channel;
   * on SMS and WhatsApp held (not stored, not sent) after an opt-out or in the recipient's quiet hours. On WhatsApp
   * outside the 24-hour window it is refused: stored as failed with `whatsapp_window_closed`, and held says so.
   */
  async sendAsAgent(conversationId: string, text: string): Promise<OutboundMessage | AgentReplyHeld | undefined> {
    const found = await this.deps.store.find(conversationId);
    if (!found) return undefined;
    const { channel, address } = found.conversation;
    return this.queue.run(`${channel}:${address}`, async () => {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const at = this.deps.clock.now();
        const open = await this.deps.store.open(channel, address, at);
        const message: OutboundMessage = { id: newId(), conversationId, channel, address, from: 'agent', text, kind: 'conversational', at };
        const gated = await this.gate(open, [message], at, false);
        const refused = gated.refused[0]?.reason;
        // A closed WhatsApp window is final (waiting for the morning does not help): it is recorded, not held.
        if (refused !== WHATSAPP_WINDOW_CLOSED && CONSENT_GATED.has(channel)) {
          const [consent, recent] = await Promise.all([this.deps.store.consentEvents(open.contact.id), this.deps.store.history(conversationId, 20)]);
          const held = agentReplyHeld(open.conversation, open.contact, consent, recent, at);
          if (held) return held;
        }
        const outcome = await this.deps.store.commitTurn({
          ...unchanged(open),
          conversation: open.conversation,
          contactId: open.contact.id,
          owner: open.conversation.owner,
          outbound: gated.send,
          refused: gated.refused,
          at,
        });
        if (outcome.status === 'conflict') {
          await backoff(attempt);
          continue;
        }
        await this.deliver(gated.send);
        return refused === WHATSAPP_WINDOW_CLOSED ? { held: WHATSAPP_WINDOW_CLOSED } : message;
      }
      throw new Error(`conversation ${conversationId} kept changing under us; gave up after ${MAX_ATTEMPTS} attempts`);
    });
  }

  private async attempt(channel: ChannelName, address: string, trigger: Trigger, onStored?: StoredCallback): Promise<HandleResult> {
    const { store, clock } = this.deps;
    const inbound = trigger.kind === 'message' ? trigger.inbound : undefined;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const at = clock.now();
      const open = await store.open(channel, address, at);
      const result = { conversationId: open.conversation.id, replies: [] as OutboundMessage[] };
      // A duplicate inbound message is caught by the store's unique (channel, externalId) inside the turn's transaction.
      if (trigger.kind === 'start' && (open.conversation.state !== null || open.conversation.messageCount > 0)) {
        return { ...result, messageId: '', duplicate: false };
      }
      const plan = await this.plan(open, at, trigger);
      const gated = await this.gate(open, toOutbound(open, plan.replies, at), at, inbound !== undefined);
      const outbound = gated.send;
      const messageId = newId();
      const activity = this.deps.standing ? scoreActivityJob({ inbound, understanding: plan.understanding, attributes: plan.attributes, consent: plan.consent }, open, at) : undefined;
      const jobs = [...(activity ? [activity] : []), ...plan.jobs, ...jobsFromTriggers(this.deps.triggers ?? [], plan, open, at)];
      const outcome = await store.commitTurn({
        conversation: open.conversation,
        contactId: open.contact.id,
        inbound: inbound && {
          id: messageId,
          channel,
          externalId: inbound.externalId,
          text: inbound.text ?? '',
          payload: inbound.payload,
          ...(inbound.attachments?.length ? { attachments: inbound.attachments } : {}),
          at: inbound.receivedAt,
        },
        flowId: plan.flowId,
        flowVersion: plan.flowVersion,
        state: plan.state,
        owner: open.conversation.owner,
        attributes: plan.attributes,
        outbound,
        refused: gated.refused,
        jobs,
        consent: plan.consent,
        misunderstood: plan.misunderstood,
        at,
      });
      if (outcome.status === 'conflict') {
        await backoff(attempt);
        continue;
      }
      if (outcome.status === 'duplicate') return stored({ ...result, messageId: outcome.messageId, duplicate: true }, onStored);
      const handoff = plan.jobs.some((job) => job.type === 'handoff.request') ? { handoff: true as const } : {};
      const refused = gated.refused.length ? { refused: gated.refused } : {};
      const handled = stored({ ...result, messageId, duplicate: false, replies: outbound, ...refused, ...handoff }, onStored);
      if (inbound && open.conversation.owner === 'human') await this.deps.handoff.relay(open.conversation, inbound);
      await this.deliver(outbound);
      await this.applyScoring(jobs);
      return handled;
    }
    throw new Error(`conversation ${channel}:${address} kept changing under us; gave up after ${MAX_ATTEMPTS} attempts`);
  }

  /** Compliance first, then ownership and the consent gate, then understand and decide. */
  private async plan(open: OpenConversation, at: Date, trigger: Trigger): Promise<TurnPlan> {
    if (trigger.kind === 'timeout') {
      // A person has the conversation: the bot's timers stay quiet.
      if (open.conversation.owner === 'human') return { ...unchanged(open), replies: [] };
      // A text nobody asked for just now waits for the recipient's sending window, like a person's late reply.
      if (CONSENT_GATED.has(open.conversation.channel)) {
        const [consent, recent] = await Promise.all([this.deps.store.consentEvents(open.contact.id), this.deps.store.history(open.conversation.id, 20)]);
        const held = agentReplyHeld(open.conversation, open.contact, consent, recent, at);
        if (held?.held === 'quiet_hours' && held.until) return { ...unchanged(open), replies: [], jobs: [heldTimeoutJob(open, trigger.timeout, held.until)] };
      }
      const standing = await this.deps.standing?.standing(open.contact.id, at);
      return planFlowTurn(this.deps.catalog, this.deps.understanding, open, undefined, at, standing, trigger.timeout);
    }
    const inbound = trigger.kind === 'message' ? trigger.inbound : undefined;
    if (inbound) {
      const gated = CONSENT_GATED.has(inbound.channel);
      const consent = gated ? await this.deps.store.consentEvents(open.contact.id) : [];
      const verdict = await this.deps.compliance.screen(inbound, open, consent);
      if (verdict.action === 'answer') return { ...unchanged(open), replies: verdict.replies, consent: verdict.consent };
      if (open.conversation.owner === 'human') return { ...unchanged(open), replies: [] };
      // After an opt-out the message is kept, but nothing is sent back until the person opts in again.
      if (gated && optedOutOfChannel(consent, ledgerChannel(inbound.channel) as GatedChannel)) return { ...unchanged(open), replies: [] };
    }
    const standing = await this.deps.standing?.standing(open.contact.id, at);
    return planFlowTurn(this.deps.catalog, this.deps.understanding, open, inbound, at, standing);
  }

  /** Still inside the conversation's queue, so the contact's next message sees the new score and segments. */
  private async applyScoring(jobs: readonly OutboxJobDraft[]): Promise<void> {
    const scoring = jobs.filter((job) => (SCORE_JOB_TYPES as readonly string[]).includes(job.type));
    if (!this.deps.standing || !scoring.length) return;
    try {
      await this.deps.standing.applyNow(scoring);
    } catch (error) {
      // the outbox rows are still there: the job worker applies them
      this.deps.onScoringError?.(error);
    }
  }

  /**
   * The outbound gate. A reply to the message just received is inside WhatsApp's window by definition, and the
   * inbound compliance step already settled its consent; anything sent later (a timeout, an agent) is checked
   * against the person's last message and their current consent.
   */
  private async gate(open: OpenConversation, outbound: OutboundMessage[], at: Date, inReply: boolean): Promise<GatedOutbound> {
    if (!outbound.length || inReply) return gateOutbound(outbound, { now: at, lastInboundAt: at, optedOut: false });
    const { channel, id } = open.conversation;
    const consent = CONSENT_GATED.has(channel) ? await this.deps.store.consentEvents(open.contact.id) : [];
    const optedOut = CONSENT_GATED.has(channel) && optedOutOfChannel(consent, ledgerChannel(channel) as GatedChannel);
    const lastInboundAt = channel === 'whatsapp' ? await this.deps.store.lastInboundAt(id) : undefined;
    return gateOutbound(outbound, { now: at, lastInboundAt, optedOut });
  }

  private async deliver(outbound: OutboundMessage[]): Promise<void> {
    for (const message of outbound) {
      try {
        await this.deps.transports.deliver(message);
      } catch (error) {
        this.deps.onDeliveryError?.(error, message);
      }
    }
  }
}
