import type { DeliveryStatus } from './delivery-status';

export interface DeliveryReceipt {
  /** Our OutboundMessage id; absent for a message Parley did not send. */
  messageId?: string;
  /** Twilio's MessageSid; absent when the send was refused before Twilio accepted it. */
  providerMessageId?: string;
  status: DeliveryStatus;
  /** Twilio's error code for undelivered and failed messages, e.g. "30003" (unreachable). */
  errorCode?: string;
  /** Error 21610: the recipient opted out with the carrier; stop sending to `to`. */
  optedOut: boolean;
  to?: string;
  /** SMS segments (billed messages) this part took, for cost reports; absent on status callbacks and WhatsApp. */
  smsSegments?: number;
  at: Date;
}

/** Where delivery receipts go: persistence implements it to update the stored message's status. */
export abstract class DeliveryReceipts {
  abstract record(receipt: DeliveryReceipt): Promise<void>;
}
