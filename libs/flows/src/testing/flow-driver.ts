import { NOTHING_UNDERSTOOD, type Entity } from '@parley/core';
import { parseFlow, formatFlowError, flowVersionOf } from '../loading/flow-loader';
import type { FlowDefinition } from '../schema/flow.schema';
import type { FlowAction, SayAction } from '../runner/flow-actions';
import { step } from '../runner/step';
import type { FlowState, StepContext, StepInput } from '../runner/step-types';

/** A flow from YAML text, or an Error listing what is wrong with it. */
export function flowFromYaml(source: string): FlowDefinition {
  const loaded = parseFlow(source, 'inline.flow.yaml');
  if (!loaded.ok) throw new Error(loaded.errors.map(formatFlowError).join('\n'));
  return loaded.flow;
}

export interface Reply {
  payload?: string;
  intent?: string;
  entities?: Entity[];
}

/** Talks to a flow through `step` alone, applying `set` actions to the contact as the engine does. */
export class FlowDriver {
  state: FlowState | null = null;
  readonly attributes: Record<string, unknown>;
  readonly history: FlowAction[] = [];
  private readonly ctx: StepContext;

  constructor(flow: FlowDefinition | string, context: Partial<Omit<StepContext, 'flow'>> = {}) {
    const definition = typeof flow === 'string' ? flowFromYaml(flow) : flow;
    this.attributes = { ...(context.attributes ?? {}) };
    this.ctx = { channel: 'webchat', flowVersion: typeof flow === 'string' ? flowVersionOf(flow) : 'v1', ...context, flow: definition, attributes: this.attributes };
  }

  start(): FlowAction[] {
    return this.run({ kind: 'start' });
  }

  send(text: string | undefined, reply: Reply = {}): FlowAction[] {
    const understanding = { ...NOTHING_UNDERSTOOD, intent: reply.intent, entities: reply.entities ?? [] };
    return this.run({ kind: 'message', text, payload: reply.payload, understanding });
  }

  timeout(until?: string): FlowAction[] {
    return this.run({ kind: 'timeout', nodeId: this.state?.waitingAt ?? '', ...(until ? { until } : {}) });
  }

  /** Changes the context of the following steps (the clock, segments…). */
  with(context: Partial<Omit<StepContext, 'flow' | 'attributes'>>): this {
    Object.assign(this.ctx, context);
    return this;
  }

  run(input: StepInput): FlowAction[] {
    const result = step(this.state, input, { ...this.ctx, attributes: { ...this.attributes } });
    this.state = result.state;
    for (const action of result.actions) if (action.type === 'set') Object.assign(this.attributes, action.attributes);
    this.history.push(...result.actions);
    return result.actions;
  }
}

export const saysOf = (actions: FlowAction[]): SayAction[] => actions.filter((a): a is SayAction => a.type === 'say');
export const textsOf = (actions: FlowAction[]): string[] => saysOf(actions).map((a) => a.text);
export const actionsOf = <T extends FlowAction['type']>(actions: FlowAction[], type: T) =>
  actions.filter((a): a is Extract<FlowAction, { type: T }> => a.type === type);
