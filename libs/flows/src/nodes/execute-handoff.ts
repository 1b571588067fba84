import { next, type Outcome } from '../runner/outcome';
import type { Walk } from '../runner/walk';
import type { HandoffNode } from './handoff-node.schema';

/** A human owns the conversation from here: an open global intent no longer resumes. */
export function executeHandoff(node: HandoffNode, walk: Walk): Outcome {
  if (node.text) walk.say({ text: walk.text(node.text) });
  walk.emit({ type: 'handoff', queue: node.queue, priority: node.priority, ...(node.reason ? { reason: walk.value(node.reason) } : {}) });
  walk.resume = undefined;
  return next(node.next);
}
