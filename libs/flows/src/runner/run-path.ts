import { executeNode } from './execute-node';
import { resolveFlow } from './resolve-flow';
import { resolveVariant } from './resolve-variant';
import type { StepResult } from './step-types';
import type { Walk } from './walk';
import { nodeOf } from '../schema/flow.schema';

/** Guards against a cycle of nodes that never waits for the user (the validator rejects those too). */
const MAX_NODES_PER_STEP = 200;
const PROMPTED_BY_MAX = 160;

/** Where the walk goes when its path ends: the resume point of a global intent, once. */
function takeResume(walk: Walk): string | undefined {
  const resume = walk.resume;
  if (!resume) return undefined;
  walk.resume = undefined;
  const flow = resume.flowId === walk.flow.id && resume.flowVersion === walk.current.version
    ? walk.current
    : resolveFlow(walk.ctx, resume.flowId, resume.flowVersion);
  if (!flow) return undefined;
  walk.current = flow;
  return resume.nodeId;
}

/** Runs nodes from `nodeId` until one waits for the user or the flow ends. */
export function runPath(walk: Walk, nodeId: string | undefined): StepResult {
  let current = nodeId;
  for (let hops = 0; hops < MAX_NODES_PER_STEP; hops++) {
    const found = nodeOf(walk.flow, current);
    if (!found || current === undefined) {
      current = takeResume(walk);
      if (current === undefined) break;
      continue;
    }
    const outcome = executeNode(resolveVariant(found, walk.segments), current, walk);
    if (outcome.kind === 'wait') {
      const state = walk.state(current, 0, outcome.waitUntil);
      if (found.type === 'consent' && walk.message?.text) state.promptedBy = walk.message.text.slice(0, PROMPTED_BY_MAX);
      return { state, actions: walk.actions };
    }
    if (outcome.kind === 'jump') {
      walk.current = outcome.flow;
      current = outcome.nodeId;
    } else if (outcome.kind === 'next') current = outcome.nodeId;
    else break;
  }
  walk.resume = undefined;
  walk.emit({ type: 'end' });
  return { state: walk.state(null), actions: walk.actions };
}
