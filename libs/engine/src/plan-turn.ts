import { NOTHING_UNDERSTOOD, newId, type InboundMessage, type IntentGuess, type OutboundMessage, type Understanding } from '@parley/core';
import { step, type FlowAction, type FlowDefinition, type FlowState, type StepContext, type StepInput } from '@parley/flows';
import type { ConsentDraft } from '@parley/consent';
import { consentFromFlow } from './consent-from-flow';
import { jobsFromFlow, tagsAfter } from './jobs-from-flow';
import type { ContactStanding, FlowCatalog, FlowRelease, LanguageUnderstanding, OpenConversation, OutboxJobDraft } from './ports';

export interface Misunderstanding {
  text: string;
  locale?: string;
  guesses: IntentGuess[];
}

export interface TurnPlan {
  consent: ConsentDraft[];
  jobs: OutboxJobDraft[];
  flowId: string | null;
  flowVersion: string | null;
  state: unknown;
  attributes: Record<string, unknown>;
  replies: string[] | FlowAction[];
  understanding?: Understanding;
  /** Set when the text matched no intent and the flow could not take it as an answer either. */
  misunderstood?: Misunderstanding;
}

/** True when the answer to this ask is routed on its intent (an ask followed by a branch that tests intents). */
function routedByIntent(flow: FlowDefinition, askId: string): boolean {
  const ask = flow.nodes[askId];
  const next = ask && 'next' in ask && typeof ask.next === 'string' ? flow.nodes[ask.next] : undefined;
  return next?.type === 'branch' && next.cases.some((c) => c.when.intent !== undefined);
}

/**
 * Worth a marketer's label: no intent cleared the threshold, and the flow either re-asked, had nothing waiting
 * for an answer, or was about to route the answer on its intent. An out-of-scope name or email is not queued.
 */
function misunderstanding(
  flow: FlowDefinition,
  inbound: InboundMessage,
  understanding: Understanding,
  before: FlowState | null,
  after: FlowState,
): Misunderstanding | undefined {
  if (!inbound.text || inbound.payload || (!understanding.outOfScope && !understanding.ambiguous)) return undefined;
  const waiting = before?.waitingAt;
  const reasked = after.waitingAt !== null && after.waitingAt === waiting && after.retries > (before?.retries ?? 0);
  if (waiting && !reasked && !routedByIntent(flow, waiting)) return undefined;
  return { text: inbound.text, locale: inbound.locale, guesses: understanding.ranking.slice(0, 3) };
}

export function releaseFor(catalog: FlowCatalog, open: OpenConversation): FlowRelease | undefined {
  const { flowId, flowVersion, channel } = open.conversation;
  if (flowId && flowVersion) return catalog.release(flowId, flowVersion) ?? catalog.latest(flowId);
  return catalog.entryFlow(channel);
}

function expectedEntities(release: FlowRelease, state: FlowState | null): string[] | undefined {
  const node = state?.waitingAt ? release.flow.nodes[state.waitingAt] : undefined;
  return node?.type === 'ask' ? [node.validate] : undefined;
}

/** A conversation on another version than the release starts the release afresh. */
export function flowStateFor(release: FlowRelease, open: OpenConversation): FlowState | null {
  return release.version === open.conversation.flowVersion ? (open.conversation.state as FlowState | null) : null;
}

/** Live segments join the ones an import or the CRM wrote into the contact's `segments` attribute. */
function segmentsFor(open: OpenConversation, standing: ContactStanding | undefined): string[] | undefined {
  if (!standing) return undefined;
  const stored = open.contact.attributes.segments;
  const imported = Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
  return [...new Set([...standing.segments, ...imported])];
}

export function stepContextFor(
  catalog: FlowCatalog,
  release: FlowRelease,
  open: OpenConversation,
  inbound: InboundMessage | undefined,
  now: Date,
  standing?: ContactStanding,
): StepContext {
  const segments = segmentsFor(open, standing);
  return {
    flow: release.flow,
    flowVersion: release.version,
    attributes: open.contact.attributes,
    channel: open.conversation.channel,
    locale: inbound?.locale,
    now,
    contactId: open.contact.id,
    flows: catalog,
    ...(segments ? { segments } : {}),
    ...(standing?.score !== undefined ? { score: standing.score } : {}),
  };
}

/** A wait node's deadline passed: the outbox job of its `wait` action names the node and the deadline. */
export interface FlowTimeout {
  nodeId: string;
  until?: string;
}

/** Understand and decide: runs the NLU and the flow runner, and says what the turn will change. */
export async function planFlowTurn(
  catalog: FlowCatalog,
  nlu: LanguageUnderstanding,
  open: OpenConversation,
  inbound: InboundMessage | undefined,
  now: Date,
  standing?: ContactStanding,
  timeout?: FlowTimeout,
): Promise<TurnPlan> {
  const release = releaseFor(catalog, open);
  const { contact } = open;
  if (!release) return { ...unchanged(open), replies: [] };
  const state = flowStateFor(release, open);
  // A timeout for a conversation that has not started (or restarted on another version) has nothing to wake up.
  if (timeout && state === null) return { ...unchanged(open), replies: [] };
  let input: StepInput = timeout ? { kind: 'timeout', ...timeout } : { kind: 'start' };
  let understanding: Understanding | undefined;
  if (inbound) {
    understanding = inbound.text
      ? await nlu.understand(inbound.text, { locale: inbound.locale, expected: expectedEntities(release, state) })
      : NOTHING_UNDERSTOOD;
    input = { kind: 'message', text: inbound.text, payload: inbound.payload, understanding };
  }
  const result = step(state, input, stepContextFor(catalog, release, open, inbound, now, standing));
  const attributes: Record<string, unknown> = {};
  for (const action of result.actions) if (action.type === 'set') Object.assign(attributes, action.attributes);
  const tags = tagsAfter(result.actions, contact.attributes.tags);
  if (tags) attributes.tags = tags;
  return {
    consent: consentFromFlow(result.actions, open, now, inbound),
    jobs: jobsFromFlow(result.actions, open, now),
    flowId: release.flow.id,
    flowVersion: release.version,
    state: result.state,
    attributes,
    replies: result.actions,
    understanding,
    misunderstood: inbound && understanding ? misunderstanding(release.flow, inbound, understanding, state, result.state) : undefined,
  };
}

export function unchanged(open: OpenConversation): Omit<TurnPlan, 'replies'> {
  const { flowId, flowVersion, state } = open.conversation;
  return { flowId, flowVersion, state, attributes: {}, consent: [], jobs: [] };
}

export function toOutbound(open: OpenConversation, replies: TurnPlan['replies'], at: Date): OutboundMessage[] {
  const { id: conversationId, channel, address } = open.conversation;
  const messages: OutboundMessage[] = [];
  for (const reply of replies) {
    const say = typeof reply === 'string' ? { type: 'say' as const, text: reply } : reply;
    if (say.type !== 'say') continue;
    messages.push({
      id: newId(),
      conversationId,
      channel,
      address,
      from: 'bot',
      text: say.text,
      ...(say.quickReplies ? { quickReplies: say.quickReplies } : {}),
      ...('media' in say && say.media ? { media: say.media } : {}),
      ...('card' in say && say.card ? { card: say.card } : {}),
      ...(channel === 'whatsapp' && 'whatsappTemplate' in say && say.whatsappTemplate ? { template: say.whatsappTemplate } : {}),
      kind: 'conversational',
      at,
    });
  }
  return messages;
}
