import type { OutboundMessage } from '@parley/core';
import { whatsAppSendVerdict } from '@parley/consent';

/** The reason recorded on a message the gate refused because the person opted out of the channel. */
export const OPTED_OUT = 'opted_out';

/** A message the gate would not let out, stored with the reason as its delivery error. */
export interface RefusedMessage {
  message: OutboundMessage;
  reason: string;
}

export interface OutboundFacts {
  now: Date;
  /** When the person last wrote in this conversation (WhatsApp's 24-hour window runs from it). */
  lastInboundAt?: Date;
  /** The person opted out of the channel: only the confirmation of that, sent in reply, may go out. */
  optedOut: boolean;
}

export interface GatedOutbound {
  send: OutboundMessage[];
  refused: RefusedMessage[];
}

/**
 * The engine's outbound gate: every message any path sends (a flow turn, a timeout, an agent) passes here, so no
 * flow has to know the channel's rules. WhatsApp outside its customer-service window sends the node's approved
 * template instead of the text, or refuses the message with `whatsapp_window_closed`.
 */
export function gateOutbound(messages: readonly OutboundMessage[], facts: OutboundFacts): GatedOutbound {
  const gated: GatedOutbound = { send: [], refused: [] };
  for (const message of messages) {
    if (facts.optedOut) {
      gated.refused.push({ message, reason: OPTED_OUT });
      continue;
    }
    if (message.channel !== 'whatsapp') {
      gated.send.push(message);
      continue;
    }
    const verdict = whatsAppSendVerdict(facts.lastInboundAt, facts.now, message.template !== undefined);
    if (verdict.send === 'free-form') gated.send.push(message);
    else if (verdict.send === 'template') gated.send.push({ ...message, sendAsTemplate: true });
    else gated.refused.push({ message, reason: verdict.reason });
  }
  return gated;
}
