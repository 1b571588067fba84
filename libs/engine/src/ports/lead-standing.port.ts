import type { OutboxJobDraft } from './conversation-store.port';

/** What the flow's conditions read of a contact's lead standing: live segment ids and rule score. */
export interface ContactStanding {
  segments: string[];
  score?: number;
}

/**
 * Lead scoring and live segments as the engine needs them: the standing a turn's flow sees, and
 * the turn's score jobs applied at once after the commit, so the contact's next message sees
 * their effect. The jobs stay in the outbox as the durable path; applying one twice is a no-op.
 */
export abstract class LeadStanding {
  abstract standing(contactId: string, at: Date): Promise<ContactStanding>;
  abstract applyNow(jobs: readonly OutboxJobDraft[]): Promise<void>;
}

/** Job types that change a contact's score, activity or segments. */
export const SCORE_JOB_TYPES = ['score.activity', 'score.event'] as const;
