import type { Entity } from '@parley/core';
import type { ConditionFacts } from '../conditions/condition-holds';
import type { LocalisedText } from '../schema/common.schema';
import type { FlowDefinition } from '../schema/flow.schema';
import { escapeForChannel } from '../template/escape-for-channel';
import { localise } from '../template/localise';
import { renderTemplate, type TemplateScope } from '../template/template';
import type { FlowAction, SayAction } from './flow-actions';
import type { FlowRef, FlowState, ResumePoint, StepContext } from './step-types';

/** The message being handled, as the nodes see it. */
export interface MessageFacts {
  text?: string;
  payload?: string;
  intent?: string;
  entities: readonly Entity[];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** One step's walk through the nodes: what it has said and changed so far, and where it is. */
export class Walk {
  readonly actions: FlowAction[] = [];
  readonly attributes: Record<string, unknown>;
  readonly segments: readonly string[];
  readonly escape: (value: string) => string;
  private score_: number;
  private cachedScope: TemplateScope | undefined;

  constructor(
    readonly ctx: StepContext,
    public current: FlowRef,
    readonly message: MessageFacts | undefined,
    public resume: ResumePoint | undefined = undefined,
  ) {
    this.attributes = { ...ctx.attributes };
    this.segments = ctx.segments ?? stringList(ctx.attributes.segments);
    const score = ctx.score ?? ctx.attributes.score;
    this.score_ = typeof score === 'number' && Number.isFinite(score) ? score : 0;
    this.escape = escapeForChannel(ctx.channel);
  }

  get flow(): FlowDefinition {
    return this.current.flow;
  }

  /** The locale asked for: the message's, else the contact's `locale` attribute. */
  get requestedLocale(): string | undefined {
    const attribute = this.attributes.locale;
    return this.ctx.locale ?? (typeof attribute === 'string' ? attribute : undefined);
  }

  get score(): number {
    return this.score_;
  }

  addScore(points: number): void {
    this.score_ += points;
    this.cachedScope = undefined;
  }

  /** The engine's clock; an invalid date counts as no clock. */
  get now(): Date | undefined {
    const now = this.ctx.now;
    return now instanceof Date && Number.isFinite(now.getTime()) ? now : undefined;
  }

  get timezone(): string {
    const attribute = this.attributes.timezone;
    return typeof attribute === 'string' && attribute ? attribute : this.flow.timezone;
  }

  localise(text: LocalisedText): { text: string; locale: string } {
    return localise(text, this.requestedLocale, this.flow.locale);
  }

  scope(): TemplateScope {
    if (this.cachedScope) return this.cachedScope;
    const entities: Record<string, unknown> = Object.create(null);
    for (const e of this.message?.entities ?? []) entities[e.type] ??= e.value;
    this.cachedScope = {
      contact: this.attributes,
      entities,
      segment: this.segments[0],
      segments: this.segments,
      channel: this.ctx.channel,
      locale: this.requestedLocale ?? this.flow.locale,
      score: this.score_,
    };
    return this.cachedScope;
  }

  /** Localised, with templates filled in and the values escaped for the channel. */
  text(text: LocalisedText): string {
    return renderTemplate(this.localise(text).text, this.scope(), { escape: this.escape });
  }

  /** Templates filled in without channel escaping: for attribute values and job data. */
  value(text: string): string {
    return renderTemplate(text, this.scope());
  }

  say(message: Omit<SayAction, 'type'>): void {
    const action: SayAction = { type: 'say', text: message.text };
    if (message.quickReplies?.length) action.quickReplies = message.quickReplies;
    if (message.media) action.media = message.media;
    if (message.card) action.card = message.card;
    if (message.speech) action.speech = message.speech;
    if (message.whatsappTemplate) action.whatsappTemplate = message.whatsappTemplate;
    this.actions.push(action);
  }

  set(attributes: Record<string, unknown>): void {
    Object.assign(this.attributes, attributes);
    this.cachedScope = undefined;
    this.actions.push({ type: 'set', attributes });
  }

  emit(action: FlowAction): void {
    this.actions.push(action);
  }

  facts(): ConditionFacts {
    return {
      attributes: this.attributes,
      channel: this.ctx.channel,
      intent: this.message?.intent,
      entities: this.message?.entities,
      text: this.message?.text,
      segments: this.segments,
      score: this.score,
      locale: this.requestedLocale ?? this.flow.locale,
      now: this.now,
      timezone: this.timezone,
    };
  }

  state(waitingAt: string | null, retries = 0, waitUntil?: string): FlowState {
    const state: FlowState = { flowId: this.flow.id, flowVersion: this.current.version, waitingAt, retries };
    if (waitUntil) state.waitUntil = waitUntil;
    if (this.resume) state.resume = this.resume;
    return state;
  }
}
