import { next, type Outcome } from '../runner/outcome';
import { latestFlow, startNodeOf } from '../runner/resolve-flow';
import type { Walk } from '../runner/walk';
import type { GotoNode } from './goto-node.schema';

/** Another flow is entered at its newest version; the conversation then stays on that version. */
export function executeGoto(node: GotoNode, walk: Walk): Outcome {
  if (node.flow === undefined) return next(node.next);
  const target = latestFlow(walk.ctx, node.flow);
  if (!target) return next(undefined);
  return { kind: 'jump', flow: target, nodeId: node.node ?? startNodeOf(target.flow, walk.segments) };
}
