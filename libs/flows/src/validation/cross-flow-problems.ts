import { nodeOf, type FlowDefinition } from '../schema/flow.schema';
import type { FlowProblem } from './flow-problem';

/** `goto: {flow}` targets, checked against the other flows loaded with this one. */
export function crossFlowProblems(flow: FlowDefinition, others: ReadonlyMap<string, FlowDefinition>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const [id, node] of Object.entries(flow.nodes)) {
    if (node.type !== 'goto' || node.flow === undefined || node.flow === flow.id) continue;
    const target = others.get(node.flow);
    if (!target) problems.push({ path: ['nodes', id, 'flow'], nodeId: id, message: `unknown flow "${node.flow}"` });
    else if (node.node !== undefined && !nodeOf(target, node.node)) {
      problems.push({ path: ['nodes', id, 'node'], nodeId: id, message: `flow "${node.flow}" has no node "${node.node}"` });
    }
  }
  return problems;
}
