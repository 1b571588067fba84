import { NOTHING_UNDERSTOOD, type ChannelName, type InboundMessage, type Understanding } from '@parley/core';
import { step, type FlowAction, type FlowState, type StepInput } from '@parley/flows';
import type { FlowCatalog, FlowRelease, OpenConversation } from '../ports';

/**
 * The engine acts on `say` and `set` only so far, so the other actions of a turn are observed by running the pure
 * `step` again on exactly what the engine gives it. Keep in step with plan-turn.ts: the transcript runner checks
 * that the replayed `say` texts equal what the engine delivered, so a drift fails loudly.
 */
export function observeFlowActions(
  catalog: FlowCatalog,
  open: OpenConversation,
  inbound: InboundMessage | undefined,
  understanding: Understanding,
  now: Date,
): FlowAction[] {
  const { conversation, contact } = open;
  if (inbound && conversation.owner === 'human') return [];
  if (!inbound && (conversation.state !== null || conversation.messageCount > 0)) return [];
  const release = releaseFor(catalog, conversation.flowId, conversation.flowVersion, conversation.channel);
  if (!release) return [];
  const state = release.version === conversation.flowVersion ? (conversation.state as FlowState | null) : null;
  const input: StepInput = inbound
    ? { kind: 'message', text: inbound.text, payload: inbound.payload, understanding: inbound.text ? understanding : NOTHING_UNDERSTOOD }
    : { kind: 'start' };
  return step(state, input, {
    flow: release.flow,
    flowVersion: release.version,
    attributes: contact.attributes,
    channel: conversation.channel,
    locale: inbound?.locale,
    now,
    contactId: contact.id,
    flows: catalog,
  }).actions;
}

function releaseFor(catalog: FlowCatalog, flowId: string | null, version: string | null, channel: ChannelName): FlowRelease | undefined {
  if (flowId && version) return catalog.release(flowId, version) ?? catalog.latest(flowId);
  return catalog.entryFlow(channel);
}
