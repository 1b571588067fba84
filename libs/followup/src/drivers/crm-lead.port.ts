export interface TranscriptLine {
  sender: string;
  text: string;
  at: Date;
}

export interface ScoreReason {
  event: string;
  points: number;
}

/** What a CRM push carries about a lead, read when the job runs. */
export interface CrmLead {
  contactId: string;
  email?: string;
  attributes: Record<string, unknown>;
  transcript: TranscriptLine[];
  score: { total: number; reasons: ScoreReason[] };
}

/** Contacts, transcripts and score events as a CRM push needs them. */
export abstract class CrmLeads {
  /** Undefined when the contact is gone (erased); without a conversation the transcript is empty. */
  abstract lead(contactId: string, conversationId?: string): Promise<CrmLead | undefined>;
}
