import { LIFECYCLE_STAGES, type IndexedConversation, type Lead, type LeadIndex } from './lead-index';

export const FUNNEL_STAGES = ['conversations', 'engaged', 'lead', 'mql', 'sql', 'handedOff'] as const;
export type FunnelCounts = Record<(typeof FUNNEL_STAGES)[number], number>;

export interface FunnelFilter {
  from?: Date;
  to?: Date;
  flow?: string;
  channel?: string;
}

const reaches = (lead: Lead | undefined, stage: 'lead' | 'mql' | 'sql') =>
  !!lead && LIFECYCLE_STAGES.indexOf(lead.lifecycle) >= LIFECYCLE_STAGES.indexOf(stage);

/** Each stage counts the conversations of the one before that got further; a handoff counts on its own. */
export function countFunnel(conversations: IndexedConversation[], leads: Map<string, Lead>): FunnelCounts {
  const counts: FunnelCounts = { conversations: 0, engaged: 0, lead: 0, mql: 0, sql: 0, handedOff: 0 };
  for (const c of conversations) {
    const lead = leads.get(c.contactId);
    counts.conversations++;
    if (c.handedOff) counts.handedOff++;
    if (!c.engaged) continue;
    counts.engaged++;
    if (!reaches(lead, 'lead')) continue;
    counts.lead++;
    if (!reaches(lead, 'mql')) continue;
    counts.mql++;
    if (reaches(lead, 'sql')) counts.sql++;
  }
  return counts;
}

function groupBy(conversations: IndexedConversation[], key: (c: IndexedConversation) => string | null, leads: Map<string, Lead>) {
  const groups = new Map<string, IndexedConversation[]>();
  for (const c of conversations) {
    const name = key(c);
    if (name === null) continue;
    const group = groups.get(name);
    if (group) group.push(c);
    else groups.set(name, [c]);
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([name, group]) => [name, countFunnel(group, leads)]));
}

/** The funnel over a date range (conversation start), overall and per flow, channel and A/B arm. */
export function funnelOf(index: LeadIndex, filter: FunnelFilter) {
  const selected = index.conversations.filter(
    (c) =>
      (!filter.from || c.createdAt >= filter.from.toISOString()) &&
      (!filter.to || c.createdAt < filter.to.toISOString()) &&
      (!filter.flow || c.flowId === filter.flow) &&
      (!filter.channel || c.channel === filter.channel),
  );
  const leads = new Map(index.leads.map((l) => [l.id, l]));
  return {
    stages: FUNNEL_STAGES,
    total: countFunnel(selected, leads),
    byFlow: groupBy(selected, (c) => c.flowId ?? '(none)', leads),
    byChannel: groupBy(selected, (c) => c.channel, leads),
    byArm: groupBy(selected, (c) => c.arm, leads),
  };
}
