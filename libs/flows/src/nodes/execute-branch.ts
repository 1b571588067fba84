import { conditionHolds } from '../conditions/condition-holds';
import { next, type Outcome } from '../runner/outcome';
import type { Walk } from '../runner/walk';
import type { BranchNode } from './branch-node.schema';

/** The first case whose condition holds wins; otherwise `else`. */
export function executeBranch(node: BranchNode, walk: Walk): Outcome {
  const facts = walk.facts();
  return next(node.cases.find((c) => conditionHolds(c.when, facts))?.next ?? node.else);
}
