import type { QuickReply, Understanding } from '@parley/core';
import { validateAnswer } from './answer-validators';
import { conditionHolds } from './conditions';
import type { AskNode, FlowNode } from './flow-schema';
import type { FlowAction, FlowState, StepContext, StepInput, StepResult } from './step-types';
import { renderTemplate } from './template';

/** Guards against a cycle of nodes that never waits for the user (the validator rejects those too). */
const MAX_NODES_PER_STEP = 200;

function choiceReplies(node: AskNode): QuickReply[] | undefined {
  return node.options?.map(({ title, payload }) => ({ title, payload }));
}

class Walk {
  readonly actions: FlowAction[] = [];
  readonly attributes: Record<string, unknown>;

  constructor(
    private readonly ctx: StepContext,
    private readonly intent: string | undefined,
  ) {
    this.attributes = { ...ctx.attributes };
  }

  say(text: string, quickReplies?: QuickReply[]): void {
    const rendered = renderTemplate(text, { contact: this.attributes });
    this.actions.push(quickReplies?.length ? { type: 'say', text: rendered, quickReplies } : { type: 'say', text: rendered });
  }

  set(attributes: Record<string, unknown>): void {
    Object.assign(this.attributes, attributes);
    this.actions.push({ type: 'set', attributes });
  }

  state(waitingAt: string | null, retries = 0): FlowState {
    return { flowId: this.ctx.flow.id, flowVersion: this.ctx.flowVersion, waitingAt, retries };
  }

  /** Runs nodes from `nodeId` until one waits for the user or the flow ends. */
  runFrom(nodeId: string | undefined): StepResult {
    const { flow } = this.ctx;
    let current = nodeId;
    for (let hops = 0; current !== undefined && hops < MAX_NODES_PER_STEP; hops++) {
      const node: FlowNode | undefined = flow.nodes[current];
      if (!node) break;
      switch (node.type) {
        case 'say':
          this.say(node.text, node.quickReplies);
          current = node.next;
          break;
        case 'ask':
          this.prompt(node);
          return { state: this.state(current), actions: this.actions };
        case 'set':
          this.set(node.attributes);
          current = node.next;
          break;
        case 'branch': {
          const facts = { attributes: this.attributes, intent: this.intent, channel: this.ctx.channel };
          current = node.cases.find((c) => conditionHolds(c.when, facts))?.next ?? node.else;
          break;
        }
        case 'goto':
          current = node.next;
          break;
        case 'end':
          if (node.text) this.say(node.text);
          current = undefined;
          break;
      }
    }
    this.actions.push({ type: 'end' });
    return { state: this.state(null), actions: this.actions };
  }

  prompt(node: AskNode): void {
    this.say(node.text, choiceReplies(node));
  }
}

function answerAsk(walk: Walk, ctx: StepContext, state: FlowState, input: StepInput & { kind: 'message' }): StepResult {
  const node = ctx.flow.nodes[state.waitingAt ?? ''];
  if (!node || node.type !== 'ask') return walk.runFrom(ctx.flow.restart ?? ctx.flow.start);
  const verdict = validateAnswer(node, { text: input.text, payload: input.payload, entities: input.understanding.entities });
  if (verdict.ok) {
    walk.set({ [node.attribute]: verdict.value });
    return walk.runFrom(node.next);
  }
  if (state.retries >= node.maxRetries && node.fallback) return walk.runFrom(node.fallback);
  if (node.retryText) walk.say(node.retryText, choiceReplies(node));
  else {
    walk.say(ctx.flow.fallbackText);
    walk.prompt(node);
  }
  return { state: walk.state(state.waitingAt, state.retries + 1), actions: walk.actions };
}

/** The flow runner: a pure function of the conversation's flow state, the user's input and the context. */
export function step(state: FlowState | null, input: StepInput, ctx: StepContext): StepResult {
  const understanding: Understanding | undefined = input.kind === 'message' ? input.understanding : undefined;
  const walk = new Walk(ctx, understanding?.intent);
  if (input.kind === 'start' || state === null) return walk.runFrom(ctx.flow.start);
  if (state.waitingAt === null) return walk.runFrom(ctx.flow.restart ?? ctx.flow.start);
  return answerAsk(walk, ctx, state, input);
}
