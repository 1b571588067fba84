export interface SmsDraft {
  /** The recipient's address as the conversation has it: "+15551234567" (or "whatsapp:+15551234567"). */
  to: string;
  /** Absent when an approved template (contentSid) is sent instead. */
  body?: string;
  /** Publicly reachable files sent with the message (WhatsApp images). */
  mediaUrl?: string[];
  /** A Content API template (HX…) and its variables as JSON: WhatsApp outside the 24-hour window. */
  contentSid?: string;
  contentVariables?: string;
  statusCallback?: string;
}

export interface SentSms {
  providerMessageId: string;
  status: string;
  segments?: number;
}

export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly details: {
      /** The provider's error code, e.g. 21610 (recipient unsubscribed) or 21211 (invalid number). */
      code?: number;
      httpStatus?: number;
      /** True when sending again may succeed and cannot send twice (the provider refused or never got it). */
      retryable: boolean;
    },
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}

/** Sends one SMS body; the vendor's driver implements it. */
export abstract class SmsSender {
  abstract send(draft: SmsDraft): Promise<SentSms>;
}
