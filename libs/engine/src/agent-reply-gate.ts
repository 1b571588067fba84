import type { ChannelName, StoredMessage } from '@parley/core';
import { isWithinQuietHours, nextSendTime, optedOutOfChannel, recipientTimeZone, type ConsentDraft } from '@parley/consent';

/** A person's reply that may not go out now, and why. */
export interface AgentReplyHeld {
  /** whatsapp_window_closed: the customer's last WhatsApp message is over 24 hours old (the reply is stored as failed). */
  held: 'opted_out' | 'quiet_hours' | 'whatsapp_window_closed';
  /** For quiet hours: when the recipient's sending window opens. */
  until?: Date;
}

/** Within this long of the customer's own message a reply answers them; later, it is a message we start. */
export const REPLY_WINDOW_MS = 60 * 60_000;

const PHONE_CHANNELS = new Set<ChannelName>(['sms', 'whatsapp']);

/**
 * Text messages from a person follow the same rules as the bot's: nothing to a number that opted out,
 * and nothing in the recipient's quiet hours unless it answers a message they sent within the reply window.
 */
export function agentReplyHeld(
  conversation: { channel: ChannelName; address: string },
  contact: { attributes: Record<string, unknown> },
  consent: readonly ConsentDraft[],
  recent: readonly StoredMessage[],
  now: Date,
): AgentReplyHeld | undefined {
  if (!PHONE_CHANNELS.has(conversation.channel)) return undefined;
  if (optedOutOfChannel(consent, conversation.channel as 'sms' | 'whatsapp')) return { held: 'opted_out' };
  const lastFromCustomer = recent.filter((m) => m.from === 'visitor').at(-1);
  if (lastFromCustomer && now.getTime() - lastFromCustomer.at.getTime() <= REPLY_WINDOW_MS) return undefined;
  const zone = recipientTimeZone(contact.attributes, conversation.address, 'UTC');
  return isWithinQuietHours(now, zone) ? { held: 'quiet_hours', until: nextSendTime(now, zone) } : undefined;
}
