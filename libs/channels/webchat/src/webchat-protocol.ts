import { z } from 'zod';
import type { OutboundMessage, QuickReply, StoredMessage } from '@parley/core';

export const WEBCHAT_NAMESPACE = '/webchat';
export const MAX_TEXT_BYTES = 4096;

/** Settings the composition root gives the web chat channel. */
export abstract class WebchatOptions {
  abstract readonly floodMessages: number;
  abstract readonly floodWindowMs: number;
}

const visitorId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'visitorId must be 8–64 letters, digits, - or _');

export const helloSchema = z
  .object({
    visitorId: visitorId.optional(),
    locale: z.string().max(35).optional(),
    page: z.object({ url: z.string().max(2048), title: z.string().max(512).optional() }).optional(),
    utm: z.record(z.string().max(64), z.string().max(256)).optional(),
  })
  .default({});

export const messageSchema = z.object({
  text: z.string().optional(),
  payload: z.string().min(1).max(256).optional(),
  clientMessageId: z.string().min(1).max(128),
});

export type HelloPayload = z.infer<typeof helloSchema>;
export type MessagePayload = z.infer<typeof messageSchema>;

/** The server `message` event of ARCHITECTURE.md. */
export interface ChatMessage {
  id: string;
  conversationId: string;
  from: 'bot' | 'agent' | 'visitor';
  text: string;
  quickReplies?: QuickReply[];
  at: string;
}

export interface ErrorAck {
  error: { code: string; message: string };
}

/**
 * Server event sent right before an instance that is shutting down disconnects a visitor: reconnect (a load
 * balancer sends the new connection to another instance), re-send hello and any unacked message.
 */
export const DRAINING_EVENT = 'draining';
export interface DrainingHint {
  reconnect: true;
  /** Spread reconnects over this window so the remaining instances are not hit all at once. */
  reconnectWithinMs: number;
}
export const drainingHint = (): DrainingHint => ({ reconnect: true, reconnectWithinMs: 1000 });

export function errorAck(code: string, message: string): ErrorAck {
  return { error: { code, message } };
}

export function toChatMessage(message: OutboundMessage | StoredMessage): ChatMessage {
  const chat: ChatMessage = {
    id: message.id,
    conversationId: message.conversationId,
    from: message.from,
    text: message.text,
    at: message.at.toISOString(),
  };
  if (message.quickReplies?.length) chat.quickReplies = message.quickReplies;
  return chat;
}

export function visitorRoom(visitor: string): string {
  return `visitor:${visitor}`;
}
