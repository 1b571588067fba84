import { helloPayload, type WidgetOptions } from './config';
import { Connection } from './connection';
import { PanelView } from './panel-view';
import { MAX_TEXT_BYTES, friendlyError, type AckError, type ChatMessage, type HelloAck } from './protocol';
import { loadVisitorId, newClientMessageId, saveVisitorId } from './visitor-storage';

/** Wires the view to the socket: identity, history, optimistic sends, unread count. */
export class ChatWidget {
  private readonly view: PanelView;
  private connection?: Connection;
  private visitorId = loadVisitorId();
  private unread = 0;

  constructor(shadow: ShadowRoot, private readonly options: WidgetOptions) {
    this.view = new PanelView(shadow, options.title, options.color, {
      onOpen: () => this.opened(),
      onSend: (text) => this.send(text),
      onQuickReply: (reply) => this.send(reply.title, reply.payload),
    });
    // A returning visitor connects at once so agent replies can raise the unread badge;
    // a new one connects on first open, so page views alone never create conversations.
    if (this.visitorId) this.connect();
  }

  open(): void {
    this.view.open();
  }

  close(): void {
    this.view.close();
  }

  private opened(): void {
    this.unread = 0;
    this.connect();
  }

  private connect(): Connection {
    this.connection ??= new Connection(this.options.serverUrl, (fallback) => helloPayload(this.visitorId, fallback), {
      ready: (ack) => this.resume(ack),
      message: (message) => this.receive(message),
      typing: (from) => this.view.list.showTyping(from),
      status: (status) => this.view.setStatus(status),
    });
    return this.connection;
  }

  private resume(ack: HelloAck): void {
    // A different visitor id means the server did not accept ours: the old transcript is not theirs.
    if (this.visitorId && this.visitorId !== ack.visitorId) this.view.list.clear();
    this.visitorId = ack.visitorId;
    saveVisitorId(ack.visitorId);
    for (const message of Array.isArray(ack.history) ? ack.history : []) this.view.list.add(message);
  }

  private receive(message: ChatMessage): void {
    if (!this.view.list.add(message) || message.from === 'visitor' || this.view.isOpen) return;
    this.view.setUnread(++this.unread);
  }

  private send(text: string, payload?: string): void {
    if (new TextEncoder().encode(text).length > MAX_TEXT_BYTES) {
      this.view.restoreDraft(text);
      return this.view.showNotice(friendlyError('too_long'));
    }
    const clientMessageId = newClientMessageId();
    this.view.list.addPending(clientMessageId, text);
    this.connect()
      .send(payload ? { text, payload, clientMessageId } : { text, clientMessageId })
      .then(
        (ack) => this.view.list.confirm(clientMessageId, ack.id),
        (error: AckError) => {
          this.view.list.fail(clientMessageId);
          this.view.showNotice(friendlyError(error.code));
          if (!payload) this.view.restoreDraft(text);
        },
      );
  }
}
