export interface EmailMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** The same on every retry of a job, so a receiver (or a human) can see a repeat for what it is. */
  messageId: string;
}

/** Hands a finished email to a mail server; throws PermanentJobError when the server refuses it for good. */
export abstract class EmailTransport {
  abstract send(message: EmailMessage, signal?: AbortSignal): Promise<void>;
  abstract close(): void;
}
