import type { SqlDatabase } from '@parley/persistence';

export interface TimelineEntry {
  at: string;
  kind: 'message' | 'score' | 'email' | 'crm' | 'handoff' | 'job';
  summary: string;
  conversationId?: string;
}

const MESSAGE_LIMIT = 200;
const iso = (value: string | Date) => new Date(value).toISOString();

function kindOf(type: string): TimelineEntry['kind'] {
  if (type === 'score.event') return 'score';
  if (type.includes('email')) return 'email';
  if (type.includes('crm')) return 'crm';
  if (type.startsWith('handoff')) return 'handoff';
  return 'job';
}

/** A lead's score ledger (why it has its score) and its timeline of messages, scoring, emails, CRM pushes and handoffs. */
export async function leadTimeline(db: SqlDatabase, contactId: string, conversationIds: string[]) {
  const jobs = await db.all<{ type: string; payload: string; status: string; created_at: string }>(
    'SELECT type, payload, status, created_at FROM outbox_jobs WHERE payload LIKE ? ORDER BY created_at',
    [`%"contactId":"${contactId}"%`],
  );
  const messages = conversationIds.length
    ? await db.all<{ conversation_id: string; sender: string; text: string; created_at: string }>(
        `SELECT conversation_id, sender, text, created_at FROM messages WHERE conversation_id IN (${conversationIds.map(() => '?').join(', ')})
         ORDER BY created_at DESC LIMIT ${MESSAGE_LIMIT}`,
        conversationIds,
      )
    : [];
  const ledger: { at: string; event: string; points: number }[] = [];
  const timeline: TimelineEntry[] = [];
  for (const job of jobs) {
    const payload = JSON.parse(job.payload) as Record<string, unknown>;
    const at = iso(job.created_at);
    if (job.type === 'score.event') {
      ledger.push({ at, event: String(payload.event ?? 'score'), points: Number(payload.points) || 0 });
      timeline.push({ at, kind: 'score', summary: `${Number(payload.points) >= 0 ? '+' : ''}${payload.points} ${payload.event}` });
    } else {
      const target = payload.target ?? payload.queue ?? payload.reason ?? '';
      timeline.push({ at, kind: kindOf(job.type), summary: `${job.type} ${target} (${job.status})`.replace(/\s+/g, ' '), conversationId: String(payload.conversationId ?? '') });
    }
  }
  for (const m of messages) timeline.push({ at: iso(m.created_at), kind: 'message', summary: `${m.sender}: ${m.text}`, conversationId: m.conversation_id });
  timeline.sort((a, b) => b.at.localeCompare(a.at));
  return { score: { total: ledger.reduce((sum, l) => sum + l.points, 0), ledger }, timeline };
}
