import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';

const ACK_TIMEOUT_MS = 8_000;
const GIVE_UP_AFTER_MS = 30_000;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A web chat visitor that behaves like the widget across server restarts and crashes: each message is
 * sent until acked, with the same clientMessageId, re-saying hello (same visitorId) on a new connection
 * whenever the old one failed. `pickUrl` chooses the instance for each (re)connection, as a load balancer would.
 */
export class ResilientVisitor {
  /** Chosen here, as the widget keeps it in localStorage: a hello retried after a lost ack opens no second conversation. */
  visitorId: string = randomUUID();
  /** Texts acked by the server, in the order they were sent. */
  readonly acked: string[] = [];
  /** Connections made, and the instance URL of each. */
  readonly connections: string[] = [];
  /** `draining` hints received from an instance that was shutting down. */
  drainingHints = 0;
  /** Texts of the server `message` events received, on whichever connection. */
  readonly received: string[] = [];
  private socket: Socket | undefined;

  constructor(private readonly pickUrl: () => string) {}

  /** Opens a connection (a new one when `force`) and says hello; retries until an instance answers. */
  async connect(force = false): Promise<void> {
    if (this.socket?.connected && !force) return;
    const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
    for (let attempt = 0; ; attempt++) {
      this.socket?.close();
      const url = this.pickUrl();
      const socket = io(`${url}/webchat`, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: ACK_TIMEOUT_MS });
      socket.on('draining', () => this.drainingHints++);
      socket.on('message', (message: { text: string }) => this.received.push(message.text));
      this.socket = socket;
      try {
        const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('hello', { visitorId: this.visitorId })) as { visitorId?: string };
        if (ack.visitorId !== this.visitorId) throw new Error(`hello refused: ${JSON.stringify(ack)}`);
        this.connections.push(url);
        return;
      } catch (error) {
        if (Date.now() > giveUpAt) throw error;
        await pause(Math.min(1000, 50 * 2 ** attempt) * Math.random());
      }
    }
  }

  /** Sends until acked; the server stores and answers one clientMessageId once, however often it arrives. */
  async say(text: string, clientMessageId: string): Promise<{ id: string; duplicate: boolean }> {
    const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
    for (;;) {
      try {
        await this.connect();
        const ack = (await this.socket!.timeout(ACK_TIMEOUT_MS).emitWithAck('message', { text, clientMessageId })) as { id?: string; duplicate?: boolean; error?: unknown };
        if (!ack.id) throw new Error(`message refused: ${JSON.stringify(ack)}`);
        this.acked.push(text);
        return { id: ack.id, duplicate: Boolean(ack.duplicate) };
      } catch (error) {
        if (Date.now() > giveUpAt) throw error;
        await this.connect(true);
      }
    }
  }

  /** Moves to whatever instance `pickUrl` now names, as after a reload behind a load balancer. */
  reconnect(): Promise<void> {
    return this.connect(true);
  }

  close(): void {
    this.socket?.close();
  }
}
