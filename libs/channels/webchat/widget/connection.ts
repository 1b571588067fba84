import { io, type Socket } from 'socket.io-client';
import {
  isAckError,
  isChatMessage,
  type AckError,
  type ChatMessage,
  type HelloAck,
  type HelloPayload,
  type MessageAck,
  type MessagePayload,
  type Sender,
} from './protocol';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface ConnectionEvents {
  ready(ack: HelloAck): void;
  message(message: ChatMessage): void;
  typing(from: Sender): void;
  status(status: ConnectionStatus): void;
}

interface Outgoing {
  payload: MessagePayload;
  attempts: number;
  resolve(ack: MessageAck): void;
  reject(error: AckError): void;
}

const ACK_TIMEOUT_MS = 10_000;
const MAX_ATTEMPTS = 3;
const HELLO_FALLBACKS = 3;

/**
 * The /webchat socket. Messages wait until hello is acked on the current connection (the server
 * answers hello_required otherwise), and unacked ones are re-sent after a reconnect with the same
 * clientMessageId, which the server stores and answers once.
 */
export class Connection {
  private readonly socket: Socket;
  private readonly outbox: Outgoing[] = [];
  private ready = false;
  private generation = 0;
  private reconnectDelayMs = 2000;

  constructor(
    serverUrl: string,
    private readonly hello: (fallback: number) => HelloPayload,
    private readonly events: ConnectionEvents,
  ) {
    this.socket = io(`${serverUrl}/webchat`, { reconnectionDelayMax: 10_000 });
    this.socket.on('connect', () => this.greet(0));
    // A server that is shutting down says so first: reconnect soon (to another instance), at a random moment in its window.
    this.socket.on('draining', (hint: { reconnectWithinMs?: number } | undefined) => {
      this.reconnectDelayMs = Math.random() * Math.min(hint?.reconnectWithinMs ?? 1000, 10_000);
    });
    this.socket.on('disconnect', (reason) => {
      this.ready = false;
      events.status('offline');
      // socket.io leaves reconnecting to us only when the server closed the socket on purpose.
      if (reason === 'io server disconnect') window.setTimeout(() => this.socket.connect(), this.reconnectDelayMs);
      this.reconnectDelayMs = 2000;
    });
    this.socket.io.on('reconnect_attempt', () => events.status('offline'));
    this.socket.on('message', (message: unknown) => {
      if (isChatMessage(message)) events.message(message);
    });
    this.socket.on('typing', (event: { from?: Sender } | undefined) => events.typing(event?.from ?? 'bot'));
  }

  send(payload: MessagePayload): Promise<MessageAck> {
    return new Promise((resolve, reject) => {
      const item: Outgoing = { payload, attempts: 0, resolve, reject };
      this.outbox.push(item);
      if (this.ready) this.emit(item);
    });
  }

  private greet(fallback: number): void {
    this.events.status('connecting');
    this.socket.timeout(ACK_TIMEOUT_MS).emit('hello', this.hello(fallback), (error: Error | null, ack: unknown) => {
      if (!this.socket.connected) return; // the next 'connect' greets again
      if (error) return void window.setTimeout(() => this.greet(fallback), 1000);
      if (isAckError(ack)) {
        console.warn(`[parley] hello refused: ${ack.error.message}`);
        if (fallback + 1 < HELLO_FALLBACKS) this.greet(fallback + 1);
        else this.events.status('offline');
        return;
      }
      this.ready = true;
      this.generation++;
      this.events.status('online');
      this.events.ready(ack as HelloAck);
      for (const item of this.outbox) {
        item.attempts = 0;
        this.emit(item);
      }
    });
  }

  private emit(item: Outgoing): void {
    item.attempts++;
    const generation = this.generation;
    this.socket.timeout(ACK_TIMEOUT_MS).emit('message', item.payload, (error: Error | null, ack: unknown) => {
      if (!this.outbox.includes(item) || generation !== this.generation) return;
      if (error) {
        if (!this.socket.connected) return; // re-sent after the next hello
        if (item.attempts < MAX_ATTEMPTS) return this.emit(item);
        return this.settle(item, () => item.reject({ code: 'timeout', message: 'no answer from the server' }));
      }
      if (isAckError(ack)) {
        if (ack.error.code === 'hello_required') {
          this.ready = false;
          return this.greet(0);
        }
        return this.settle(item, () => item.reject(ack.error));
      }
      this.settle(item, () => item.resolve(ack as MessageAck));
    });
  }

  private settle(item: Outgoing, done: () => void): void {
    this.outbox.splice(this.outbox.indexOf(item), 1);
    done();
  }
}
