import { next, type Outcome } from '../runner/outcome';
import type { Walk } from '../runner/walk';
import type { SetNode } from './set-node.schema';

export function executeSet(node: SetNode, walk: Walk): Outcome {
  if (node.attributes) {
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(node.attributes)) values[name] = typeof value === 'string' ? walk.value(value) : value;
    walk.set(values);
  }
  if (node.tags) walk.emit({ type: 'tag', add: node.tags.add ?? [], remove: node.tags.remove ?? [] });
  return next(node.next);
}
