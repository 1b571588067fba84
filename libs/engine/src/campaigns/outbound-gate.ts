import type { MessageKind } from '@parley/core';
import {
  DEFAULT_SENDING_WINDOW,
  consentStatus,
  nextSendTime,
  optedOutOfChannel,
  recipientTimeZone,
  type ConsentDraft,
  type SendingWindow,
} from '@parley/consent';

export type GatedChannel = 'sms' | 'whatsapp';

export type OutboundVerdict =
  | { action: 'send' }
  | { action: 'skip'; reason: 'no-consent' | 'opted-out' }
  | { action: 'hold'; until: Date; timeZone: string };

export interface OutboundCheck {
  /** The contact's consent ledger, read fresh. */
  events: readonly Pick<ConsentDraft, 'channel' | 'purpose' | 'action'>[];
  channel: GatedChannel;
  kind: MessageKind;
  address: string;
  attributes: Readonly<Record<string, unknown>>;
  now: Date;
  /** The account's zone, for a contact with neither a zone nor a placeable phone number. */
  defaultTimeZone: string;
  window?: SendingWindow;
}

/**
 * The outbound gate for messages Parley starts (not replies): an opt-out blocks everything, marketing needs a
 * granted marketing consent on that channel, and marketing waits outside the recipient's local sending window.
 */
export function checkOutbound(check: OutboundCheck): OutboundVerdict {
  if (optedOutOfChannel(check.events, check.channel)) return { action: 'skip', reason: 'opted-out' };
  if (check.kind !== 'marketing') return { action: 'send' };
  const consent = consentStatus(check.events, check.channel, 'marketing');
  if (consent !== 'granted') return { action: 'skip', reason: consent === 'revoked' ? 'opted-out' : 'no-consent' };
  const timeZone = recipientTimeZone(check.attributes, check.address, check.defaultTimeZone);
  const opens = nextSendTime(check.now, timeZone, check.window ?? DEFAULT_SENDING_WINDOW);
  return opens.getTime() > check.now.getTime() ? { action: 'hold', until: opens, timeZone } : { action: 'send' };
}
