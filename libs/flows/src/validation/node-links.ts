import type { FlowDefinition, FlowNode } from '../schema/flow.schema';

export type Path = (string | number)[];

export interface NodeLink {
  target: string;
  /** Where the reference is written, relative to the node. */
  path: Path;
}

/** Every node id a node can lead to, with where it is written (its variants' targets included). */
export function nodeLinks(node: FlowNode): NodeLink[] {
  const links = ownLinks(node as Record<string, unknown>);
  node.variants?.forEach((variant, i) => {
    for (const link of ownLinks(variant as Record<string, unknown>)) links.push({ ...link, path: ['variants', i, ...link.path] });
  });
  return links;
}

const NODE_FIELDS = ['next', 'fallback', 'else', 'yes', 'no', 'onTimeout'] as const;

function ownLinks(fields: Record<string, unknown>): NodeLink[] {
  const links: NodeLink[] = [];
  for (const field of NODE_FIELDS) {
    const target = fields[field];
    if (typeof target === 'string') links.push({ target, path: [field] });
  }
  const cases = fields.cases as { next: string }[] | undefined;
  cases?.forEach((c, i) => links.push({ target: c.next, path: ['cases', i, 'next'] }));
  const arms = fields.arms as { next: string }[] | undefined;
  arms?.forEach((a, i) => links.push({ target: a.next, path: ['arms', i, 'next'] }));
  return links;
}

/** Entry points: start, restart, per-segment starts, global intents and their resume nodes. */
export function flowRoots(flow: FlowDefinition): NodeLink[] {
  const roots: NodeLink[] = [{ target: flow.start, path: ['start'] }];
  if (flow.restart) roots.push({ target: flow.restart, path: ['restart'] });
  flow.variants?.forEach((v, i) => roots.push({ target: v.start, path: ['variants', i, 'start'] }));
  for (const [name, intent] of Object.entries(flow.intents ?? {})) {
    roots.push({ target: intent.next, path: ['intents', name, 'next'] });
    if (typeof intent.resume === 'object') roots.push({ target: intent.resume.node, path: ['intents', name, 'resume', 'node'] });
  }
  return roots;
}

export const WAITING_TYPES: ReadonlySet<FlowNode['type']> = new Set(['ask', 'consent', 'wait']);
