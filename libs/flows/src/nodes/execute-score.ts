import { next, type Outcome } from '../runner/outcome';
import type { Walk } from '../runner/walk';
import type { ScoreNode } from './score-node.schema';

export function executeScore(node: ScoreNode, walk: Walk): Outcome {
  if (node.points) walk.addScore(node.points);
  const properties: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node.properties ?? {})) properties[name] = typeof value === 'string' ? walk.value(value) : value;
  walk.emit({
    type: 'score',
    event: node.event,
    ...(node.points !== undefined ? { points: node.points } : {}),
    ...(node.properties ? { properties } : {}),
  });
  return next(node.next);
}
