import type { ChannelName } from '@parley/core';

const WHATSAPP = 'whatsapp:';

/**
 * Addresses of the same phone on the other phone channel: SMS "+14155550100" and WhatsApp "whatsapp:+14155550100"
 * are one person, so a WhatsApp user who also texts (or was imported with that phone) is one contact.
 */
export function samePhoneIdentities(channel: ChannelName, address: string): { channel: ChannelName; address: string }[] {
  if (channel === 'whatsapp' && address.startsWith(`${WHATSAPP}+`)) return [{ channel: 'sms', address: address.slice(WHATSAPP.length) }];
  if (channel === 'sms' && address.startsWith('+')) return [{ channel: 'whatsapp', address: `${WHATSAPP}${address}` }];
  return [];
}
