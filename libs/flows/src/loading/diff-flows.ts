import type { FlowDefinition } from '../schema/flow.schema';

export interface FlowChange {
  kind: 'added' | 'removed' | 'changed';
  path: string;
  before?: unknown;
  after?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compare(before: unknown, after: unknown, path: string, changes: FlowChange[]): void {
  if (same(before, after)) return;
  if (isRecord(before) && isRecord(after) && before.type === after.type) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in after)) changes.push({ kind: 'removed', path: at, before: before[key] });
      else if (!(key in before)) changes.push({ kind: 'added', path: at, after: after[key] });
      else compare(before[key], after[key], at, changes);
    }
    return;
  }
  changes.push({ kind: 'changed', path, before, after });
}

/** What changed from one version of a flow to the next, node by node and field by field (both migrated first). */
export function diffFlows(before: FlowDefinition, after: FlowDefinition): FlowChange[] {
  const changes: FlowChange[] = [];
  const { nodes: oldNodes, ...oldHeader } = before;
  const { nodes: newNodes, ...newHeader } = after;
  compare(oldHeader, newHeader, '', changes);
  for (const id of Object.keys(oldNodes)) {
    if (!newNodes[id]) changes.push({ kind: 'removed', path: `nodes.${id}`, before: oldNodes[id] });
  }
  for (const [id, node] of Object.entries(newNodes)) {
    if (!oldNodes[id]) changes.push({ kind: 'added', path: `nodes.${id}`, after: node });
    else compare(oldNodes[id], node, `nodes.${id}`, changes);
  }
  return changes;
}

function show(value: unknown): string {
  if (isRecord(value) && typeof value.type === 'string') return `(${value.type} node)`;
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function formatFlowChange(change: FlowChange): string {
  if (change.kind === 'added') return `+ ${change.path}: ${show(change.after)}`;
  if (change.kind === 'removed') return `- ${change.path}: ${show(change.before)}`;
  return `~ ${change.path}: ${show(change.before)} → ${show(change.after)}`;
}
