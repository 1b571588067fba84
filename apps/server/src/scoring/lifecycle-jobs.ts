import type { JobRow, ScoreApplication } from '@parley/persistence';
import type { LifecycleTransition, ScoringRules } from '@parley/scoring';

/**
 * Crossing the SQL threshold hands the lead to sales (`lifecycle.onSql` in the rules): a Slack handoff
 * card and a CRM push (`crm.push`: the webhook, or HubSpot). The keys name the contact, not the turn,
 * so each happens once per contact however often the score moves.
 */
export function jobsOnTransition(rules: ScoringRules, transition: LifecycleTransition, application: ScoreApplication): JobRow[] {
  // a won deal (to customer) passes sql too, but the lead is sold already
  if (transition.direction !== 'advanced' || transition.to !== 'sql') return [];
  const { handoff, queue, crm, handoffAfter } = rules.lifecycle.onSql;
  const { contactId, conversationId, channel, at } = application;
  const base = { contactId, conversationId, channel };
  const jobs: JobRow[] = [];
  if (crm) {
    jobs.push({
      type: 'crm.push',
      payload: { ...base, ...(crm === 'hubspot' ? { target: 'hubspot' } : {}), data: { stage: 'sql', reason: 'lead score reached the SQL threshold', from: transition.from } },
      idempotencyKey: `lifecycle:sql:${contactId}:crm`,
      runAt: at,
    });
  }
  if (handoff && conversationId && channel) {
    jobs.push({
      type: 'handoff.request',
      payload: { ...base, queue, priority: 'high', reason: 'Sales-qualified lead: score reached the SQL threshold', unlessCarded: true },
      idempotencyKey: `lifecycle:sql:${contactId}:handoff`,
      runAt: new Date(at.getTime() + handoffAfter),
    });
  }
  return jobs;
}
