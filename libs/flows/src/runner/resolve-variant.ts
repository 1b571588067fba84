import type { FlowNode } from '../schema/flow.schema';
import { inSegments } from './resolve-flow';

/** The node with the fields of its first variant whose segment the contact is in. */
export function resolveVariant<N extends FlowNode>(node: N, segments: readonly string[]): N {
  if (!node.variants?.length || !segments.length) return node;
  const variant = node.variants.find((v) => inSegments(segments, v.segment));
  if (!variant) return node;
  const { segment: _segment, ...fields } = variant;
  return { ...node, ...fields, variants: undefined };
}
