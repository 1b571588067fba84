export const CONSENT_CHANNELS = ['sms', 'whatsapp', 'email', 'voice', 'webchat', 'all'] as const;
export const CONSENT_PURPOSES = ['marketing', 'transactional', 'sales-contact', 'all'] as const;
export const CONSENT_SOURCES = ['keyword', 'widget', 'flow', 'api', 'import', 'carrier', 'plain-language', 'unsubscribe-link'] as const;

export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type ConsentSource = (typeof CONSENT_SOURCES)[number];
export type ConsentAction = 'grant' | 'revoke';

/** One change of consent, with the proof that goes with it. */
export interface ConsentDraft {
  contactId: string;
  channel: ConsentChannel;
  purpose: ConsentPurpose;
  action: ConsentAction;
  source: ConsentSource;
  /** The exact text the person was shown, and its version (a hash of that text). */
  disclosureText?: string;
  disclosureVersion?: string;
  /** IP and user agent for web, phone and message sid for SMS, call sid for voice… */
  evidence: Record<string, string>;
  actor: string;
  at: Date;
}

/** A ledger row: the draft, its place in the contact's chain, and the hashes that make the chain tamper-evident. */
export interface ConsentRecord extends ConsentDraft {
  id: string;
  seq: number;
  prevHash: string;
  hash: string;
}

export type ConsentStatus = 'granted' | 'revoked' | 'unknown';
