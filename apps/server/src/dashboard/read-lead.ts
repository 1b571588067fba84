import { consentLedger, type SqlDatabase } from '@parley/persistence';
import { lifecycleOf, type IndexedConversation, type Lead, type LeadThresholds } from './lead-index';
import { leadTimeline } from './lead-timeline';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
const iso = (value: string | Date) => new Date(value).toISOString();

/** One lead read live (its page must show what just happened): contact, conversations, consent, score ledger, timeline. */
export async function readLead(db: SqlDatabase, contactId: string, thresholds: LeadThresholds) {
  const row = await db.get<{ attributes: string | null; created_at: string; updated_at: string }>('SELECT attributes, created_at, updated_at FROM contacts WHERE id = ?', [contactId]);
  if (!row) return undefined;
  const attributes = JSON.parse(row.attributes ?? '{}') as Record<string, unknown>;
  const rows = await db.all<{ id: string; channel: string; flow_id: string | null; owner: string; created_at: string; engaged: number | boolean }>(
    `SELECT c.id, c.channel, c.flow_id, c.owner, c.created_at,
            EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in') AS engaged
     FROM conversations c WHERE c.contact_id = ? ORDER BY c.created_at DESC`,
    [contactId],
  );
  const [consent, story] = await Promise.all([consentLedger.of(db, contactId), leadTimeline(db, contactId, rows.map((r) => r.id))]);
  const handedOff = new Set(story.timeline.filter((t) => t.kind === 'handoff').map((t) => t.conversationId));
  const conversations: IndexedConversation[] = rows.map((r) => ({
    id: r.id,
    contactId,
    channel: r.channel,
    flowId: r.flow_id,
    owner: r.owner,
    createdAt: iso(r.created_at),
    engaged: !!Number(r.engaged),
    handedOff: r.owner === 'human' || handedOff.has(r.id),
    arm: null,
  }));
  const [standing, segments, ledger] = await Promise.all([
    db.get<{ score: number; lifecycle: string }>('SELECT score, lifecycle FROM contact_scores WHERE contact_id = ?', [contactId]),
    db.all<{ id: string; name: string }>('SELECT s.id, s.name FROM segment_members m JOIN segments s ON s.id = m.segment_id WHERE m.contact_id = ? ORDER BY s.name', [contactId]),
    db.all<{ at: string | Date; rule_id: string; reason: string; points: number }>('SELECT at, rule_id, reason, points FROM score_events WHERE contact_id = ? ORDER BY seq', [contactId]),
  ]);
  // The scoring service's ledger explains the score when it keeps one; the flow's score events otherwise.
  if (ledger.length) story.score = { total: Math.round(ledger.reduce((sum, l) => sum + Number(l.points), 0) * 10) / 10, ledger: ledger.map((l) => ({ at: iso(l.at), event: l.reason || l.rule_id, points: Number(l.points) })) };
  const score = standing ? Math.round(Number(standing.score) * 10) / 10 : typeof attributes.score === 'number' ? attributes.score : story.score.total;
  const last = consent[consent.length - 1];
  const lead: Lead = {
    id: contactId,
    name: text(attributes.name),
    email: text(attributes.email),
    phone: text(attributes.phone),
    segment: segments.map((s) => s.name).join(', ') || text(attributes.segment),
    segmentIds: segments.map((s) => s.id),
    score,
    lifecycle: lifecycleOf(standing ? { lifecycle: standing.lifecycle, ...attributes } : attributes, score, thresholds),
    consent: last ? (last.action === 'grant' ? 'granted' : 'revoked') : 'none',
    channels: [...new Set(rows.map((r) => r.channel))].sort(),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    handedOff: conversations.some((c) => c.handedOff),
  };
  return { lead, attributes, conversations, consent, ...story };
}
