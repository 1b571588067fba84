import type { ConsentDraft } from '@parley/consent';
import type { OpenConversation, OutboxJobDraft } from '../ports';
import type { EventTrigger } from './trigger-schema';

export interface TurnEvents {
  consent: readonly ConsentDraft[];
  /** Attributes the turn sets (only the changed ones). */
  attributes: Record<string, unknown>;
}

const LIFECYCLE = 'lifecycleStage';

function fires(trigger: EventTrigger, events: TurnEvents, before: Record<string, unknown>): number {
  const on = trigger.on;
  if (on.kind === 'consent') {
    return events.consent.filter(
      (c) => (c.action === 'grant') === on.granted && (!on.channel || c.channel === on.channel || c.channel === 'all') && (!on.purpose || c.purpose === on.purpose || c.purpose === 'all'),
    ).length;
  }
  if (!(LIFECYCLE in events.attributes)) return 0;
  const from = before[LIFECYCLE];
  const to = events.attributes[LIFECYCLE];
  return to !== from && to === on.to && (on.from === undefined || from === on.from) ? 1 : 0;
}

/**
 * Jobs the triggers ask for after this turn's events, written in the turn's transaction like a flow's own
 * follow-ups; the key (trigger, conversation, version) makes a replayed turn enqueue nothing new.
 */
export function jobsFromTriggers(triggers: readonly EventTrigger[], events: TurnEvents, open: OpenConversation, at: Date): OutboxJobDraft[] {
  const { conversation, contact } = open;
  const base = { contactId: contact.id, conversationId: conversation.id, channel: conversation.channel };
  const jobs: OutboxJobDraft[] = [];
  for (const trigger of triggers) {
    if (!fires(trigger, events, contact.attributes)) continue;
    const data = { ...trigger.data, trigger: trigger.id };
    const idempotencyKey = `trigger:${trigger.id}:${conversation.id}:${conversation.version}`;
    if ('start_sequence' in trigger.then) jobs.push({ type: 'followup.email_sequence', payload: { ...base, target: trigger.then.start_sequence, data }, idempotencyKey, runAt: at });
    else if ('handoff' in trigger.then) {
      const { queue, priority, reason } = trigger.then.handoff;
      jobs.push({ type: 'handoff.request', payload: { ...base, queue, priority, reason: reason ?? `trigger ${trigger.id}` }, idempotencyKey, runAt: at });
    } else jobs.push({ type: 'followup.crm_push', payload: { ...base, target: trigger.then.crm_push, data }, idempotencyKey, runAt: at });
  }
  return jobs;
}
