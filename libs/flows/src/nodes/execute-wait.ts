import { durationSeconds } from '../runner/duration';
import { next, type Outcome } from '../runner/outcome';
import { renderQuickReplies, renderWhatsAppTemplate } from '../runner/render-content';
import type { Walk } from '../runner/walk';
import { ordinalOf } from '../validators/answer';
import type { WaitNode } from './wait-node.schema';

export function executeWait(node: WaitNode, nodeId: string, walk: Walk): Outcome {
  if (node.text) {
    walk.say({
      text: walk.text(node.text),
      quickReplies: renderQuickReplies(node.quickReplies, walk),
      speech: node.speech && walk.text(node.speech),
      whatsappTemplate: renderWhatsAppTemplate(node.whatsappTemplate, walk),
    });
  }
  const timeoutSeconds = durationSeconds(node.timeout);
  const deadline = walk.now ? new Date(walk.now.getTime() + timeoutSeconds * 1000) : undefined;
  const until = deadline && Number.isFinite(deadline.getTime()) ? deadline.toISOString() : undefined;
  walk.emit({ type: 'wait', flowId: walk.flow.id, nodeId, timeoutSeconds, ...(until ? { until } : {}) });
  return { kind: 'wait', waitUntil: until };
}

/** Any reply moves on; the pressed (or numbered) quick reply's payload is stored rather than its text. */
export function answerWait(node: WaitNode, walk: Walk): Outcome {
  if (node.attribute) {
    const replies = node.quickReplies ?? [];
    const { text, payload } = walk.message ?? {};
    const ordinal = ordinalOf(text);
    const picked =
      replies.find((r) => r.payload === payload)?.payload ?? (ordinal !== undefined ? replies[ordinal - 1]?.payload : undefined);
    walk.set({ [node.attribute]: picked ?? text?.trim().slice(0, 500) ?? payload ?? '' });
  }
  return next(node.next);
}
