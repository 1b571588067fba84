import type { ContentTemplate, QuickReply } from '@parley/core';
import type { FOLLOWUP_KINDS } from '../nodes/followup-node.schema';

export interface Media {
  kind: 'image' | 'video' | 'audio' | 'file';
  url: string;
  alt?: string;
}

export interface CardButton {
  title: string;
  payload?: string;
  url?: string;
}

export interface Card {
  title: string;
  subtitle?: string;
  imageUrl?: string;
  buttons?: CardButton[];
}

export interface SayAction {
  type: 'say';
  text: string;
  quickReplies?: QuickReply[];
  media?: Media;
  card?: Card;
  /** What a voice channel speaks, when it differs from `text`. */
  speech?: string;
  /** The approved WhatsApp template to send instead, when the 24-hour window is closed. */
  whatsappTemplate?: ContentTemplate;
}

export interface SetAction {
  type: 'set';
  attributes: Record<string, unknown>;
}

export interface TagAction {
  type: 'tag';
  add: string[];
  remove: string[];
}

export interface ScoreAction {
  type: 'score';
  event: string;
  points?: number;
  properties?: Record<string, unknown>;
}

export interface ConsentAction {
  type: 'consent';
  purpose: string;
  granted: boolean;
  method: 'express' | 'double_opt_in';
  /** Exactly what the contact was shown, for the consent ledger's proof. */
  disclosure: { version: string; locale: string; text: string; sha256: string };
  evidence: { text?: string; payload?: string; promptedBy?: string };
}

export interface HandoffAction {
  type: 'handoff';
  queue: string;
  priority: 'low' | 'normal' | 'high';
  reason?: string;
}

export interface FollowupAction {
  type: 'followup';
  kind: (typeof FOLLOWUP_KINDS)[number];
  target: string;
  delaySeconds: number;
  data: Record<string, unknown>;
}

export interface SplitAction {
  type: 'split';
  experiment: string;
  arm: string;
  flowId: string;
  flowVersion: string;
  nodeId: string;
  /** True the first time this contact is put in an arm. */
  assigned: boolean;
}

export interface WaitAction {
  type: 'wait';
  flowId: string;
  nodeId: string;
  timeoutSeconds: number;
  /** ISO deadline, when the context had `now`. */
  until?: string;
}

export interface EndAction {
  type: 'end';
}

export type FlowAction =
  | SayAction
  | SetAction
  | TagAction
  | ScoreAction
  | ConsentAction
  | HandoffAction
  | FollowupAction
  | SplitAction
  | WaitAction
  | EndAction;
