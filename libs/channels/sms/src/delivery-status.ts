export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'read'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Twilio error 21610: the recipient texted STOP to our number; the carrier blocks every message until START. */
export const OPTED_OUT_ERROR_CODE = '21610';

const ALIASES: Record<string, DeliveryStatus> = { accepted: 'queued', scheduled: 'queued' };

const RANK: Record<DeliveryStatus, number> = { queued: 0, sending: 1, sent: 2, delivered: 3, undelivered: 3, failed: 3, read: 4 };

/** Our status for a provider's; undefined for inbound ones (received, receiving) and unknown ones. */
export function toDeliveryStatus(raw: string | undefined): DeliveryStatus | undefined {
  const status = raw?.toLowerCase() ?? '';
  return ALIASES[status] ?? (DELIVERY_STATUSES as readonly string[]).find((s) => s === status) as DeliveryStatus | undefined;
}

/** Status callbacks can arrive out of order: a later status replaces an earlier one, never the reverse. */
export function supersedes(next: DeliveryStatus, current: DeliveryStatus | undefined): boolean {
  return current === undefined || RANK[next] > RANK[current];
}
