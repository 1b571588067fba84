import type { ChannelName, QuickReply, Understanding } from '@parley/core';
import type { FlowDefinition } from './flow-schema';

export interface FlowState {
  flowId: string;
  flowVersion: string;
  /** The ask node waiting for an answer, or null when the flow has ended. */
  waitingAt: string | null;
  retries: number;
}

export type StepInput =
  | { kind: 'start' }
  | { kind: 'message'; text?: string; payload?: string; understanding: Understanding };

export interface StepContext {
  flow: FlowDefinition;
  flowVersion: string;
  attributes: Readonly<Record<string, unknown>>;
  channel: ChannelName;
  locale?: string;
}

export type FlowAction =
  | { type: 'say'; text: string; quickReplies?: QuickReply[] }
  | { type: 'set'; attributes: Record<string, unknown> }
  | { type: 'end' };

export interface StepResult {
  state: FlowState;
  actions: FlowAction[];
}
