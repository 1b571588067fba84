import { io, type Socket } from 'socket.io-client';

export interface ChatMessage {
  id: string;
  conversationId: string;
  from: 'bot' | 'agent' | 'visitor';
  text: string;
  quickReplies?: { title: string; payload: string }[];
  at: string;
}

export interface HelloAck {
  visitorId: string;
  conversationId: string;
  history: ChatMessage[];
}

/** A web chat visitor speaking the /webchat protocol with a real socket.io client. */
export class ChatClient {
  readonly received: ChatMessage[] = [];
  private readonly waiters: { predicate: (m: ChatMessage) => boolean; resolve: (m: ChatMessage) => void }[] = [];
  private cursor = 0;
  private sequence = 0;
  readonly socket: Socket;

  constructor(url: string) {
    this.socket = io(`${url}/webchat`, { transports: ['websocket'], reconnection: false, forceNew: true });
    this.socket.on('message', (message: ChatMessage) => {
      this.received.push(message);
      this.waiters.splice(0).forEach((w) => (w.predicate(message) ? w.resolve(message) : this.waiters.push(w)));
    });
  }

  hello(payload: Record<string, unknown> = {}): Promise<HelloAck> {
    return this.socket.timeout(10_000).emitWithAck('hello', payload);
  }

  send(text: string, clientMessageId = `m${++this.sequence}`): Promise<{ id: string; duplicate: boolean }> {
    return this.socket.timeout(10_000).emitWithAck('message', { text, clientMessageId });
  }

  emitRaw(event: string, payload: unknown): Promise<unknown> {
    return this.socket.timeout(10_000).emitWithAck(event, payload);
  }

  /** Resolves with the first message after the last one consumed that matches (messages are consumed in order). */
  next(predicate: (m: ChatMessage) => boolean = () => true, timeoutMs = 10_000): Promise<ChatMessage> {
    while (this.cursor < this.received.length) {
      const message = this.received[this.cursor++];
      if (predicate(message)) return Promise.resolve(message);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.received.map((m) => m.text))}`)), timeoutMs);
      this.waiters.push({
        predicate: (m) => {
          this.cursor = this.received.indexOf(m) + 1;
          return predicate(m);
        },
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  nextText(pattern: RegExp, timeoutMs?: number): Promise<ChatMessage> {
    return this.next((m) => pattern.test(m.text), timeoutMs);
  }

  close(): void {
    this.socket.close();
  }
}
