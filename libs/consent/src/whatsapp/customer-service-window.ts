/** WhatsApp's customer-service window: free-form messages only within 24 hours of the person's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export type WhatsAppSendVerdict =
  | { send: 'free-form' }
  | { send: 'template' }
  /** Nothing may go out: the window is closed and no approved template was offered. */
  | { send: 'nothing'; reason: typeof WHATSAPP_WINDOW_CLOSED };

/** The reason recorded on a refused message (its delivery error) and given to whoever asked to send it. */
export const WHATSAPP_WINDOW_CLOSED = 'whatsapp_window_closed';

/**
 * Open from the person's last inbound message for exactly 24 hours (end exclusive). Never having written to us
 * counts as closed: a business may open a WhatsApp conversation with an approved template only.
 */
export function whatsAppWindowOpen(lastInboundAt: Date | undefined, now: Date): boolean {
  if (!lastInboundAt) return false;
  const elapsed = now.getTime() - lastInboundAt.getTime();
  return elapsed < WHATSAPP_WINDOW_MS;
}

/** When the window is closed, the node's approved template goes instead of the text, or nothing does. */
export function whatsAppSendVerdict(lastInboundAt: Date | undefined, now: Date, hasTemplate: boolean): WhatsAppSendVerdict {
  if (whatsAppWindowOpen(lastInboundAt, now)) return { send: 'free-form' };
  return hasTemplate ? { send: 'template' } : { send: 'nothing', reason: WHATSAPP_WINDOW_CLOSED };
}
