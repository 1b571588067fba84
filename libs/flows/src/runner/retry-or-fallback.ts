import type { QuickReply } from '@parley/core';
import type { LocalisedText } from '../schema/common.schema';
import type { Outcome } from './outcome';
import type { FlowState } from './step-types';
import type { Walk } from './walk';

interface Retryable {
  retryText?: LocalisedText;
  maxRetries: number;
  fallback?: string;
}

/** After `maxRetries` failed answers the path takes `fallback`; without one the node keeps asking. */
export function retryOrFallback(
  node: Retryable,
  walk: Walk,
  state: FlowState,
  again: { quickReplies?: QuickReply[]; reprompt: () => void },
): Outcome {
  if (state.retries >= node.maxRetries && node.fallback) return { kind: 'next', nodeId: node.fallback };
  if (node.retryText) walk.say({ text: walk.text(node.retryText), quickReplies: again.quickReplies });
  else {
    walk.say({ text: walk.text(walk.flow.fallbackText) });
    again.reprompt();
  }
  return { kind: 'retry' };
}
