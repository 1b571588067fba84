import { answerNode, answersWithStructure, isWaitingNode } from './answer-node';
import { matchGlobalIntent, resumePointFor } from './global-intents';
import { resolveFlow, restartNodeOf, startNodeOf } from './resolve-flow';
import { resolveVariant } from './resolve-variant';
import { runPath } from './run-path';
import type { FlowState, StepContext, StepInput, StepResult } from './step-types';
import { Walk, type MessageFacts } from './walk';
import { nodeOf } from '../schema/flow.schema';

function messageFacts(input: StepInput): MessageFacts | undefined {
  if (input.kind !== 'message') return undefined;
  const { text, payload, understanding } = input;
  return { text, payload, intent: understanding?.intent, entities: understanding?.entities ?? [] };
}

function onTimeout(walk: Walk, state: FlowState, input: Extract<StepInput, { kind: 'timeout' }>): StepResult {
  const node = nodeOf(walk.flow, state.waitingAt);
  const due = input.until === undefined || state.waitUntil === undefined || input.until === state.waitUntil;
  if (node?.type !== 'wait' || input.nodeId !== state.waitingAt || !due) return { state, actions: [] };
  return runPath(walk, resolveVariant(node, walk.segments).onTimeout);
}

function onMessage(walk: Walk, state: FlowState): StepResult {
  const found = nodeOf(walk.flow, state.waitingAt);
  const waiting = found && resolveVariant(found, walk.segments);
  const intent = matchGlobalIntent(walk);
  if (intent && (intent.byPayload || !isWaitingNode(waiting) || !answersWithStructure(waiting, walk))) {
    walk.resume = resumePointFor(intent, walk, state);
    return runPath(walk, intent.intent.next);
  }
  if (!isWaitingNode(waiting)) return runPath(walk, restartNodeOf(walk.flow, walk.segments));
  const outcome = answerNode(waiting, walk, state);
  if (outcome.kind === 'retry') {
    const retried = walk.state(state.waitingAt, state.retries + 1, state.waitUntil);
    if (state.promptedBy) retried.promptedBy = state.promptedBy;
    return { state: retried, actions: walk.actions };
  }
  if (outcome.kind === 'wait') return { state: walk.state(state.waitingAt, 0, outcome.waitUntil), actions: walk.actions };
  if (outcome.kind === 'jump') {
    walk.current = outcome.flow;
    return runPath(walk, outcome.nodeId);
  }
  return runPath(walk, outcome.nodeId);
}

/** The flow runner: a pure function of the conversation's flow state, the user's input and the context. */
export function step(state: FlowState | null, input: StepInput, ctx: StepContext): StepResult {
  const home = { flow: ctx.flow, version: ctx.flowVersion };
  const message = messageFacts(input);
  if (input.kind === 'start' || state === null) {
    const walk = new Walk(ctx, home, message);
    return runPath(walk, startNodeOf(ctx.flow, walk.segments));
  }
  const current = resolveFlow(ctx, state.flowId, state.flowVersion);
  const walk = new Walk(ctx, current ?? home, message, current ? state.resume : undefined);
  if (!current) return runPath(walk, restartNodeOf(ctx.flow, walk.segments));
  if (input.kind === 'timeout') return onTimeout(walk, state, input);
  return onMessage(walk, state);
}
