import type { FlowDefinition } from '@parley/flows';

export interface FlowGraph {
  start: string;
  nodes: { id: string; type: string }[];
  edges: { from: string; to: string }[];
}

const EDGE_KEYS = new Set(['next', 'else', 'fallback', 'node', 'onTimeout', 'then']);

/** Nodes and the edges between them, found wherever a node names another by a next-like key. */
export function flowGraph(flow: FlowDefinition): FlowGraph {
  const nodes = Object.entries(flow.nodes as Record<string, { type: string }>);
  const ids = new Set(nodes.map(([id]) => id));
  const edges: FlowGraph['edges'] = [];
  const walk = (from: string, value: unknown, key?: string) => {
    if (typeof value === 'string' && key && EDGE_KEYS.has(key) && ids.has(value)) {
      if (!edges.some((e) => e.from === from && e.to === value)) edges.push({ from, to: value });
    } else if (Array.isArray(value)) value.forEach((v) => walk(from, v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(from, v, k);
  };
  for (const [id, node] of nodes) walk(id, node);
  return { start: flow.start, nodes: nodes.map(([id, node]) => ({ id, type: node.type })), edges };
}
