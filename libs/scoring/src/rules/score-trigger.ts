/**
 * What happened to a contact that may earn (or cost) points. The engine builds these from NLU
 * results, answered questions, the widget's page info, email and campaign webhooks, consent
 * changes and the flow's `score` nodes.
 */
export type ScoreTrigger =
  | { kind: 'intent'; intent: string; confidence?: number }
  | { kind: 'answer'; attribute: string; value: unknown }
  | { kind: 'page_visit'; url: string; title?: string }
  | { kind: 'email_opened'; campaign?: string }
  | { kind: 'email_clicked'; campaign?: string; url?: string }
  | { kind: 'campaign_reply'; campaign?: string }
  | { kind: 'consent'; purpose: string; granted: boolean }
  | { kind: 'unsubscribed'; channel?: string }
  /** A flow's `score` node: `event` is its event name; `points` count only when no rule matches the name. */
  | { kind: 'event'; name: string; properties?: Record<string, unknown>; points?: number }
  /** Attributes changed outside a conversation (import, CRM sync): only attribute rules are re-checked. */
  | { kind: 'profile_updated' };

export type TriggerKind = ScoreTrigger['kind'];

/** A trigger as remembered in a contact's activity, for behaviour segments. */
export type Activity = ScoreTrigger & { at: Date };
