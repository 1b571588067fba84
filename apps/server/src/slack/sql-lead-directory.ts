import { Inject, Injectable } from '@nestjs/common';
import { LeadDirectory, type LeadFound, type LeadScore } from '@parley/channels-slack';
import { Clock } from '@parley/engine';
import { currentScore, explainScore } from '@parley/scoring';
import type { OpenDatabase } from '../database.provider';
import { LeadScoringService } from '../scoring/lead-scoring.service';
import { DATABASE } from '../tokens';
import { leadScoreReasons } from './lead-score-reasons';

const attributesOf = (text: string | null): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const CANDIDATES = 20;
const TOP_REASONS = 3;

/**
 * Score and top reasons from the contact's score ledger (decayed at the clock's now), live segment
 * memberships, and leads by email attribute or phone identity.
 */
@Injectable()
export class SqlLeadDirectory extends LeadDirectory {
  constructor(
    @Inject(DATABASE) private readonly db: OpenDatabase,
    private readonly scoring: LeadScoringService,
    private readonly clock: Clock,
  ) {
    super();
  }

  async score(contactId: string, conversationId: string): Promise<LeadScore | undefined> {
    const rules = this.scoring.setup.rules();
    const now = this.clock.now();
    const ledger = await this.scoring.ledger.ledger(contactId);
    if (ledger.length) return { total: Math.round(currentScore(ledger, rules, now)), reasons: explainScore(ledger, rules, now, TOP_REASONS).map((r) => r.text) };
    return this.fromFlowSteps(contactId, conversationId);
  }

  /** Before the ledger has the turn (its score jobs still queued): the flow's score steps, read through the rules. */
  private async fromFlowSteps(contactId: string, conversationId: string): Promise<LeadScore | undefined> {
    const contact = await this.db.sql.get<{ attributes: string }>('SELECT attributes FROM contacts WHERE id = ?', [contactId]);
    if (!contact) return undefined;
    const rows = await this.db.sql.all<{ payload: string; created_at: string | Date }>(
      `SELECT payload, created_at FROM outbox_jobs WHERE type = 'score.event' AND idempotency_key LIKE ? ORDER BY created_at, idempotency_key`,
      [`score:${likeEscaped(conversationId)}:%`],
    );
    const steps = rows.map((r) => ({ payload: attributesOf(r.payload), at: new Date(r.created_at) })).map(({ payload, at }) => ({ event: String(payload.event ?? 'score'), points: Number(payload.points ?? 0) || 0, at }));
    return leadScoreReasons(steps, { id: contactId, attributes: attributesOf(contact.attributes) }, this.scoring.setup.rules(), this.clock.now());
  }

  segments(contactId: string): Promise<string[]> {
    return this.scoring.segments.segmentsOf(contactId);
  }

  async find(query: { email: string } | { phone: string }): Promise<LeadFound | undefined> {
    const contactId = 'email' in query ? await this.byEmail(query.email) : await this.byPhone(query.phone);
    if (!contactId) return undefined;
    const conversation = await this.db.sql.get<{ id: string }>('SELECT id FROM conversations WHERE contact_id = ? ORDER BY updated_at DESC LIMIT 1', [contactId]);
    return conversation && { contactId, conversationId: conversation.id };
  }

  private async byEmail(email: string): Promise<string | undefined> {
    const rows = await this.db.sql.all<{ id: string; attributes: string }>(
      `SELECT id, attributes FROM contacts WHERE LOWER(attributes) LIKE ? ESCAPE '\\' ORDER BY updated_at DESC LIMIT ${CANDIDATES}`,
      [`%${likeEscaped(email.toLowerCase())}%`],
    );
    return rows.find((r) => String(attributesOf(r.attributes).email ?? '').trim().toLowerCase() === email)?.id;
  }

  private async byPhone(phone: string): Promise<string | undefined> {
    const numbers = phone.startsWith('+') ? [phone] : [`+${phone}`, phone];
    const identity = await this.db.sql.get<{ contact_id: string }>(
      `SELECT contact_id FROM channel_identities WHERE address IN (${numbers.map(() => '?').join(', ')}) AND channel IN ('sms', 'whatsapp', 'voice') ORDER BY created_at DESC LIMIT 1`,
      numbers,
    );
    return identity?.contact_id;
  }
}
