import type { FlowAction } from '@parley/flows';
import type { OpenConversation, OutboxJobDraft } from './ports';

/**
 * Side effects a flow asks for leave the turn as outbox rows, written in the turn's transaction:
 * the relay runs them later, exactly once per idempotency key (conversation, version, position).
 */
export function jobsFromFlow(actions: readonly FlowAction[], open: OpenConversation, at: Date): OutboxJobDraft[] {
  const { conversation, contact } = open;
  const key = (i: number, kind: string) => `${kind}:${conversation.id}:${conversation.version}:${i}`;
  const base = { contactId: contact.id, conversationId: conversation.id, channel: conversation.channel };
  const jobs: OutboxJobDraft[] = [];
  actions.forEach((action, i) => {
    switch (action.type) {
      case 'score':
        jobs.push({ type: 'score.event', payload: { ...base, event: action.event, points: action.points, properties: action.properties }, idempotencyKey: key(i, 'score'), runAt: at });
        break;
      case 'handoff':
        jobs.push({ type: 'handoff.request', payload: { ...base, queue: action.queue, priority: action.priority, reason: action.reason }, idempotencyKey: key(i, 'handoff'), runAt: at });
        break;
      case 'followup':
        jobs.push({
          type: `followup.${action.kind}`,
          payload: { ...base, target: action.target, data: action.data },
          idempotencyKey: key(i, 'followup'),
          runAt: new Date(at.getTime() + action.delaySeconds * 1000),
        });
        break;
      case 'split':
        if (action.assigned) {
          jobs.push({ type: 'experiment.assigned', payload: { ...base, experiment: action.experiment, arm: action.arm, flowId: action.flowId, flowVersion: action.flowVersion, nodeId: action.nodeId }, idempotencyKey: key(i, 'split'), runAt: at });
        }
        break;
      case 'wait':
        if (action.until) {
          jobs.push({ type: 'flow.timeout', payload: { ...base, flowId: action.flowId, nodeId: action.nodeId, until: action.until }, idempotencyKey: key(i, 'wait'), runAt: new Date(action.until) });
        }
        break;
      default:
        break;
    }
  });
  return jobs;
}

/** Tags live in the contact's `tags` attribute; a tag action adds and removes from it. */
export function tagsAfter(actions: readonly FlowAction[], current: unknown): string[] | undefined {
  let tags = Array.isArray(current) ? current.filter((t): t is string => typeof t === 'string') : [];
  let changed = false;
  for (const action of actions) {
    if (action.type !== 'tag') continue;
    tags = [...new Set([...tags.filter((t) => !action.remove.includes(t)), ...action.add])];
    changed = true;
  }
  return changed ? tags : undefined;
}
