import { durationSeconds } from '../runner/duration';
import { next, type Outcome } from '../runner/outcome';
import type { Walk } from '../runner/walk';
import type { FollowupNode } from './followup-node.schema';

export function executeFollowup(node: FollowupNode, walk: Walk): Outcome {
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node.data ?? {})) data[name] = typeof value === 'string' ? walk.value(value) : value;
  walk.emit({ type: 'followup', kind: node.kind, target: node.target, delaySeconds: node.delay ? durationSeconds(node.delay) : 0, data });
  return next(node.next);
}
