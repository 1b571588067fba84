import type { FlowDefinition } from '../schema/flow.schema';
import type { FlowRef, StepContext } from './step-types';

const matches = (segments: readonly string[], selector: string | readonly string[]) =>
  (typeof selector === 'string' ? [selector] : selector).some((s) => segments.includes(s));

/** A pinned version: the conversation's own flow from the context, any other through `ctx.flows`. */
export function resolveFlow(ctx: StepContext, flowId: string, version: string): FlowRef | undefined {
  if (ctx.flow.id === flowId && ctx.flowVersion === version) return { flow: ctx.flow, version };
  return ctx.flows?.release(flowId, version);
}

/** The newest version of a flow, for a `goto` into it. */
export function latestFlow(ctx: StepContext, flowId: string): FlowRef | undefined {
  return ctx.flows?.latest(flowId) ?? (ctx.flow.id === flowId ? { flow: ctx.flow, version: ctx.flowVersion } : undefined);
}

/** The start node, or the start of the first flow variant whose segment the contact is in. */
export function startNodeOf(flow: FlowDefinition, segments: readonly string[]): string {
  return flow.variants?.find((v) => matches(segments, v.segment))?.start ?? flow.start;
}

export function restartNodeOf(flow: FlowDefinition, segments: readonly string[]): string {
  return flow.restart ?? startNodeOf(flow, segments);
}

export function inSegments(segments: readonly string[], selector: string | readonly string[]): boolean {
  return matches(segments, selector);
}
