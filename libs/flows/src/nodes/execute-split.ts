import { next, type Outcome } from '../runner/outcome';
import { stableBucket } from '../runner/stable-bucket';
import type { Walk } from '../runner/walk';
import type { SplitArm, SplitNode } from './split-node.schema';

export const splitAttribute = (experiment: string) => `ab_${experiment.replace(/\W/g, '_')}`;

/** Without the engine's contact id, the contact's email or phone keeps the arm stable. */
function contactKey(walk: Walk): string {
  const { email, phone } = walk.attributes;
  return walk.ctx.contactId ?? String(email ?? phone ?? '');
}

export function pickArm(arms: readonly SplitArm[], key: string): SplitArm {
  const total = arms.reduce((sum, a) => sum + a.percent, 0) || 1;
  const point = stableBucket(key) * total;
  let upTo = 0;
  for (const arm of arms) {
    upTo += arm.percent;
    if (point < upTo) return arm;
  }
  return arms[arms.length - 1];
}

/** Sticky: a contact keeps the arm stored on it, even when the percentages change later. */
export function executeSplit(node: SplitNode, nodeId: string, walk: Walk): Outcome {
  const experiment = node.experiment ?? nodeId;
  const attribute = splitAttribute(experiment);
  const stored = node.arms.find((a) => a.name === walk.attributes[attribute]);
  const arm = stored ?? pickArm(node.arms, `${experiment}:${contactKey(walk)}`);
  if (!stored) walk.set({ [attribute]: arm.name });
  walk.emit({
    type: 'split',
    experiment,
    arm: arm.name,
    flowId: walk.flow.id,
    flowVersion: walk.current.version,
    nodeId,
    assigned: !stored,
  });
  return next(arm.next);
}
