/**
 * The /webchat wire format (ARCHITECTURE.md, "Web chat"). Mirrored by hand from
 * ../src/webchat-protocol.ts because that file pulls in zod and server code, and this bundle
 * runs on customers' pages where every kilobyte counts.
 */
export type Sender = 'bot' | 'agent' | 'visitor';

export interface QuickReply {
  title: string;
  payload: string;
}

export interface ChatMessage {
  id: string;
  conversationId: string;
  from: Sender;
  text: string;
  quickReplies?: QuickReply[];
  at: string;
}

export interface HelloPayload {
  visitorId?: string;
  locale?: string;
  page?: { url: string; title?: string };
  utm?: Record<string, string>;
}

export interface HelloAck {
  visitorId: string;
  conversationId: string;
  history: ChatMessage[];
}

export interface MessagePayload {
  text?: string;
  payload?: string;
  clientMessageId: string;
}

export interface MessageAck {
  id: string;
  duplicate: boolean;
}

export interface AckError {
  code: string;
  message: string;
}

export const MAX_TEXT_BYTES = 4096;

const SENDERS: readonly string[] = ['bot', 'agent', 'visitor'];

export function isAckError(ack: unknown): ack is { error: AckError } {
  return typeof ack === 'object' && ack !== null && 'error' in ack;
}

/** Server data is still input: a malformed event must not break the page we are embedded in. */
export function isChatMessage(value: unknown): value is ChatMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<ChatMessage>;
  return typeof m.id === 'string' && typeof m.text === 'string' && typeof m.from === 'string' && SENDERS.includes(m.from);
}

export function quickRepliesOf(message: ChatMessage): QuickReply[] {
  if (!Array.isArray(message.quickReplies)) return [];
  return message.quickReplies.filter((q) => typeof q?.title === 'string' && typeof q?.payload === 'string');
}

const FRIENDLY: Record<string, string> = {
  rate_limited: 'Slow down a little: please wait a few seconds, then try again.',
  too_long: 'That message is a bit long. Could you shorten it?',
  empty_message: 'Type a message first.',
  timeout: "We couldn't reach our server. Please check your connection and try again.",
};

export function friendlyError(code: string): string {
  return FRIENDLY[code] ?? "Sorry, your message couldn't be sent. Please try again.";
}
