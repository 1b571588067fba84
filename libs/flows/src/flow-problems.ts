import type { FlowDefinition, FlowNode } from './flow-schema';
import { templateVariables } from './template';

export interface FlowProblem {
  /** Path inside the YAML document, used to find line and column. */
  path: (string | number)[];
  nodeId?: string;
  message: string;
}

function successors(node: FlowNode): string[] {
  switch (node.type) {
    case 'say':
    case 'set':
      return node.next ? [node.next] : [];
    case 'ask':
      return [node.next, node.fallback].filter((n): n is string => Boolean(n));
    case 'branch':
      return [...node.cases.map((c) => c.next), node.else];
    case 'goto':
      return [node.next];
    case 'end':
      return [];
  }
}

function referenceProblems(flow: FlowDefinition): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const check = (target: string | undefined, path: (string | number)[], nodeId?: string) => {
    if (target !== undefined && !flow.nodes[target]) {
      problems.push({ path, nodeId, message: `unknown node reference "${target}"` });
    }
  };
  check(flow.start, ['start']);
  check(flow.restart, ['restart']);
  for (const [id, node] of Object.entries(flow.nodes)) {
    if ('next' in node) check(node.next, ['nodes', id, 'next'], id);
    if (node.type === 'ask') check(node.fallback, ['nodes', id, 'fallback'], id);
    if (node.type === 'branch') {
      node.cases.forEach((c, i) => check(c.next, ['nodes', id, 'cases', i, 'next'], id));
      check(node.else, ['nodes', id, 'else'], id);
    }
    if (node.type === 'ask' && node.validate === 'choice' && !node.options?.length) {
      problems.push({ path: ['nodes', id, 'options'], nodeId: id, message: 'a choice question needs options' });
    }
    for (const field of ['text', 'retryText'] as const) {
      const text = (node as Record<string, unknown>)[field];
      if (typeof text !== 'string') continue;
      for (const variable of templateVariables(text)) {
        if (!variable.startsWith('contact.')) {
          problems.push({ path: ['nodes', id, field], nodeId: id, message: `bad template variable "${variable}"` });
        }
      }
    }
  }
  return problems;
}

function reachable(flow: FlowDefinition): Set<string> {
  const seen = new Set<string>();
  const queue = [flow.start, ...(flow.restart ? [flow.restart] : [])];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id) || !flow.nodes[id]) continue;
    seen.add(id);
    queue.push(...successors(flow.nodes[id]));
  }
  return seen;
}

/** A cycle that never reaches an ask node would loop without waiting for the user. */
function silentCycleProblems(flow: FlowDefinition): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): void => {
    const node = flow.nodes[id];
    if (!node || node.type === 'ask' || state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      problems.push({ path: ['nodes', id], nodeId: id, message: 'cycle without an ask node' });
      return;
    }
    state.set(id, 'open');
    successors(node).forEach(visit);
    state.set(id, 'done');
  };
  Object.keys(flow.nodes).forEach(visit);
  return problems;
}

export function findFlowProblems(flow: FlowDefinition): FlowProblem[] {
  const problems = referenceProblems(flow);
  const live = reachable(flow);
  for (const id of Object.keys(flow.nodes)) {
    if (!live.has(id)) problems.push({ path: ['nodes', id], nodeId: id, message: 'unreachable node' });
  }
  return [...problems, ...silentCycleProblems(flow)];
}
