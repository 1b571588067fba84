import { el } from './dom';
import { quickRepliesOf, type ChatMessage, type QuickReply, type Sender } from './protocol';

/** Typing dots disappear on their own if the reply never comes (a dropped turn, a slow agent). */
const TYPING_TIMEOUT_MS = 5000;

function timeLabel(at: string): string | undefined {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? undefined : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** The transcript: one bubble per message id, optimistic bubbles for the visitor's own messages. */
export class MessageList {
  readonly element: HTMLElement;
  private readonly byId = new Map<string, HTMLElement>();
  private readonly pending = new Map<string, HTMLElement>();
  private readonly typing: HTMLElement;
  private typingTimer?: number;
  private replies?: HTMLElement;
  /** What the latest server message offered, to bring back if the visitor's pick fails to send. */
  private offered: QuickReply[] = [];

  constructor(
    private readonly names: Record<Sender, string>,
    private readonly onQuickReply: (reply: QuickReply) => void,
  ) {
    const dots = el('div', { class: 'bubble dots', 'aria-hidden': 'true' }, [el('span'), el('span'), el('span')]);
    this.typing = el('div', { class: 'row typing', 'data-from': 'bot', 'data-testid': 'parley-typing', hidden: true }, [
      el('span', { class: 'sr-only' }, [`${names.bot} is typing`]),
      dots,
    ]);
    this.element = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', tabindex: '0' }, [
      this.typing,
    ]);
  }

  /** Adds a server message unless its id is already shown; returns whether it was new. */
  add(message: ChatMessage): boolean {
    if (this.byId.has(message.id)) return false;
    if (message.from !== 'visitor') this.hideTyping();
    const row = this.row(message.from, message.text, message.at);
    row.lastElementChild!.setAttribute('data-id', message.id);
    this.byId.set(message.id, row);
    this.insert(row);
    this.offered = quickRepliesOf(message);
    this.showQuickReplies(this.offered);
    return true;
  }

  addPending(clientMessageId: string, text: string): void {
    const row = this.row('visitor', text, new Date().toISOString());
    row.dataset.status = 'sending';
    this.pending.set(clientMessageId, row);
    this.insert(row);
    this.showQuickReplies([]);
  }

  confirm(clientMessageId: string, id: string): void {
    const row = this.pending.get(clientMessageId);
    if (!row) return;
    this.pending.delete(clientMessageId);
    // The server copy may already be on screen (a reconnect's history arrived before this ack).
    if (this.byId.has(id)) return row.remove();
    row.dataset.status = 'sent';
    row.lastElementChild!.setAttribute('data-id', id);
    this.byId.set(id, row);
  }

  fail(clientMessageId: string): void {
    this.pending.get(clientMessageId)?.remove();
    this.pending.delete(clientMessageId);
    this.showQuickReplies(this.offered);
  }

  clear(): void {
    for (const row of [...this.byId.values(), ...this.pending.values()]) row.remove();
    this.byId.clear();
    this.pending.clear();
    this.offered = [];
    this.showQuickReplies([]);
  }

  showTyping(from: Sender): void {
    if (from === 'visitor') return;
    this.typing.dataset.from = from;
    this.typing.hidden = false;
    window.clearTimeout(this.typingTimer);
    this.typingTimer = window.setTimeout(() => this.hideTyping(), TYPING_TIMEOUT_MS);
    this.scrollToEnd();
  }

  hideTyping(): void {
    window.clearTimeout(this.typingTimer);
    this.typing.hidden = true;
  }

  scrollToEnd(): void {
    this.element.scrollTop = this.element.scrollHeight;
  }

  private row(from: Sender, text: string, at: string): HTMLElement {
    const bubble = el('p', { class: 'bubble', 'data-testid': 'parley-message', 'data-from': from, title: timeLabel(at) }, [text]);
    const sender = el('span', { class: from === 'visitor' ? 'sender sr-only' : 'sender' }, [this.names[from]]);
    return el('div', { class: 'row', 'data-from': from }, [sender, bubble]);
  }

  private insert(node: HTMLElement): void {
    this.element.insertBefore(node, this.typing);
    this.scrollToEnd();
  }

  /** Only the latest message's suggestions are offered; anything newer makes them stale. */
  private showQuickReplies(replies: QuickReply[]): void {
    this.replies?.remove();
    this.replies = undefined;
    if (!replies.length) return;
    const buttons = replies.map((reply) => {
      const button = el('button', { type: 'button', class: 'quick-reply', 'data-testid': 'parley-quick-reply' }, [reply.title]);
      button.addEventListener('click', () => {
        this.replies?.remove();
        this.onQuickReply(reply);
      });
      return button;
    });
    this.replies = el('div', { class: 'quick-replies', role: 'group', 'aria-label': 'Suggested replies' }, buttons);
    this.insert(this.replies);
  }
}
