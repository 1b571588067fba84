import { nodeOf, type FlowDefinition } from '../schema/flow.schema';
import type { FlowProblem } from './flow-problem';
import { flowRoots, nodeLinks, WAITING_TYPES } from './node-links';

export function referenceProblems(flow: FlowDefinition): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const root of flowRoots(flow)) {
    if (!nodeOf(flow, root.target)) problems.push({ path: root.path, message: `unknown node reference "${root.target}"` });
  }
  for (const [id, node] of Object.entries(flow.nodes)) {
    for (const link of nodeLinks(node)) {
      if (!nodeOf(flow, link.target)) {
        problems.push({ path: ['nodes', id, ...link.path], nodeId: id, message: `unknown node reference "${link.target}"` });
      }
    }
  }
  return problems;
}

export function unreachableProblems(flow: FlowDefinition): FlowProblem[] {
  const seen = new Set<string>();
  const queue = flowRoots(flow).map((r) => r.target);
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id) || !nodeOf(flow, id)) continue;
    seen.add(id);
    queue.push(...nodeLinks(nodeOf(flow, id)!).map((l) => l.target));
  }
  return Object.keys(flow.nodes)
    .filter((id) => !seen.has(id))
    .map((id) => ({ path: ['nodes', id], nodeId: id, message: 'unreachable node: nothing leads here' }));
}

/** A cycle that never reaches an ask, consent or wait node would loop without waiting for the user. */
export function silentCycleProblems(flow: FlowDefinition): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    const node = nodeOf(flow, id);
    if (!node || WAITING_TYPES.has(node.type) || state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      const loop = [...trail.slice(trail.indexOf(id)), id].join(' → ');
      problems.push({ path: ['nodes', id], nodeId: id, message: `cycle without an ask/wait node: ${loop}` });
      return;
    }
    state.set(id, 'open');
    for (const link of nodeLinks(node)) visit(link.target, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of Object.keys(flow.nodes)) visit(id, []);
  return problems;
}
