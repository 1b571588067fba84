import type { LeadScore } from './handoff-card';

export interface LeadFound {
  contactId: string;
  /** The contact's latest conversation. */
  conversationId: string;
}

/** What the desk reads about leads beyond one conversation: score reasons, segments, look-ups by email or phone. */
export abstract class LeadDirectory {
  /** The contact's score and its top reasons; undefined when nothing was scored. */
  abstract score(contactId: string, conversationId: string): Promise<LeadScore | undefined>;
  /** Segment memberships known outside the contact's attributes (none by default). */
  abstract segments(contactId: string): Promise<string[]>;
  abstract find(query: { email: string } | { phone: string }): Promise<LeadFound | undefined>;
}

/** No score store: cards go without score reasons, routing uses attributes only. */
export class NoLeadDirectory extends LeadDirectory {
  async score(): Promise<undefined> {
    return undefined;
  }

  async segments(): Promise<string[]> {
    return [];
  }

  async find(): Promise<undefined> {
    return undefined;
  }
}
