import type { ChannelName, Understanding } from '@parley/core';
import type { FlowDefinition } from '../schema/flow.schema';
import type { FlowAction } from './flow-actions';

export interface FlowRef {
  flow: FlowDefinition;
  version: string;
}

/** Other flows by id and version (for `goto: {flow}`); the engine's FlowCatalog fits this shape. */
export interface FlowLookup {
  release(flowId: string, version: string): FlowRef | undefined;
  latest(flowId: string): FlowRef | undefined;
}

/** Where to continue once the path of a global intent ends. */
export interface ResumePoint {
  flowId: string;
  flowVersion: string;
  nodeId: string;
}

export interface FlowState {
  /** The flow (and version) the conversation is in now; a `goto` to another flow changes it. */
  flowId: string;
  flowVersion: string;
  /** The ask, consent or wait node waiting for a reply, or null when the flow has ended. */
  waitingAt: string | null;
  retries: number;
  /** ISO deadline of a wait node; a timeout input for another deadline is stale. */
  waitUntil?: string;
  resume?: ResumePoint;
  /** At a consent node: the message that led to the question (the keyword of a keyword opt-in), kept as evidence. */
  promptedBy?: string;
}

export type StepInput =
  | { kind: 'start' }
  | { kind: 'message'; text?: string; payload?: string; understanding: Understanding }
  /** Sent by the engine's timer when a `wait` action's deadline passes. */
  | { kind: 'timeout'; nodeId: string; until?: string };

export interface StepContext {
  /** The conversation's flow; `state.flowId` may point elsewhere after a `goto` to another flow. */
  flow: FlowDefinition;
  flowVersion: string;
  attributes: Readonly<Record<string, unknown>>;
  channel: ChannelName;
  locale?: string;
  /** The engine's clock: time-of-day conditions, wait deadlines, relative dates ("tomorrow"). */
  now?: Date;
  /** Live segments; absent, the runner reads the contact's `segments` attribute. */
  segments?: readonly string[];
  /** Lead score; absent, the runner reads the contact's `score` attribute. */
  score?: number;
  /** Sticky A/B arms are hashed on it. */
  contactId?: string;
  flows?: FlowLookup;
}

export interface StepResult {
  state: FlowState;
  actions: FlowAction[];
}
