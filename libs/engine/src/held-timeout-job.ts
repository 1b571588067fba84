import type { FlowTimeout } from './plan-turn';
import type { OpenConversation, OutboxJobDraft } from './ports';

/**
 * A wait node's timeout that would text someone in their quiet hours runs again when their sending window opens,
 * with the same deadline (so the flow still recognises it) and its own idempotency key.
 */
export function heldTimeoutJob(open: OpenConversation, timeout: FlowTimeout, opens: Date): OutboxJobDraft {
  const { conversation, contact } = open;
  const state = conversation.state as { flowId?: string } | null;
  return {
    type: 'flow.timeout',
    payload: {
      contactId: contact.id,
      conversationId: conversation.id,
      channel: conversation.channel,
      flowId: state?.flowId ?? conversation.flowId,
      nodeId: timeout.nodeId,
      ...(timeout.until ? { until: timeout.until } : {}),
    },
    idempotencyKey: `wait-held:${conversation.id}:${timeout.nodeId}:${opens.toISOString()}`,
    runAt: opens,
  };
}
