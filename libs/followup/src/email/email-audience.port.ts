export type MarketingConsent = 'granted' | 'revoked' | 'unknown';

/** Who an email goes to, as the ledger and the contact's attributes stand at send time. */
export interface EmailRecipient {
  contactId: string;
  email?: string;
  attributes: Record<string, unknown>;
  /** consentStatus(ledger, 'email', 'marketing'). */
  marketingConsent: MarketingConsent;
}

export interface EmailJobDraft {
  type: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  runAt: Date;
}

/** Contacts and the outbox as the email sequences need them. */
export abstract class EmailAudience {
  abstract recipient(contactId: string): Promise<EmailRecipient | undefined>;
  /** Adds an outbox job; a job with the same idempotency key already there wins (no second row). */
  abstract enqueue(job: EmailJobDraft): Promise<void>;
}
