import { NOTHING_UNDERSTOOD, type InboundMessage, type Understanding } from '@parley/core';
import { step, type FlowAction, type StepInput } from '@parley/flows';
import { flowStateFor, releaseFor, stepContextFor } from '../plan-turn';
import type { FlowCatalog, OpenConversation } from '../ports';

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
  const { conversation } = open;
  if (inbound && conversation.owner === 'human') return [];
  if (!inbound && (conversation.state !== null || conversation.messageCount > 0)) return [];
  const release = releaseFor(catalog, open);
  if (!release) return [];
  const input: StepInput = inbound
    ? { kind: 'message', text: inbound.text, payload: inbound.payload, understanding: inbound.text ? understanding : NOTHING_UNDERSTOOD }
    : { kind: 'start' };
  return step(flowStateFor(release, open), input, stepContextFor(catalog, release, open, inbound, now)).actions;
}
