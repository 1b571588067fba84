import { next, type Outcome } from '../runner/outcome';
import type { Walk } from '../runner/walk';
import type { EndNode } from './end-node.schema';

export function executeEnd(node: EndNode, walk: Walk): Outcome {
  if (node.text) walk.say({ text: walk.text(node.text) });
  return next(undefined);
}
