import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import { ClientInputError, type InboundMessage } from '@parley/core';
import { ConversationEngine } from '@parley/engine';
import { randomUUID } from 'node:crypto';
import type { Namespace, Socket } from 'socket.io';
import type { z } from 'zod';
import { FloodGuard } from './flood-guard';
import {
  MAX_TEXT_BYTES,
  WebchatOptions,
  WEBCHAT_NAMESPACE,
  DRAINING_EVENT,
  drainingHint,
  errorAck,
  helloSchema,
  messageSchema,
  toChatMessage,
  visitorRoom,
} from './webchat-protocol';
import { WebchatTransport } from './webchat.transport';

type Ack = (response: unknown) => void;

/** Shows typing dots only when a reply takes long enough for a person to notice. */
const TYPING_DELAY_MS = 150;

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ClientInputError('bad_request', `${issue.path.map(String).join('.') || 'payload'}: ${issue.message}`);
}

@WebSocketGateway({ namespace: WEBCHAT_NAMESPACE, cors: { origin: true }, maxHttpBufferSize: 64 * 1024 })
export class WebchatGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('Webchat');
  private readonly flood: FloodGuard;
  private namespace: Namespace | undefined;
  private draining = false;

  constructor(
    private readonly engine: ConversationEngine,
    private readonly transport: WebchatTransport,
    private readonly options: WebchatOptions,
  ) {
    this.flood = new FloodGuard(options.floodMessages, options.floodWindowMs);
  }

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    this.transport.attach(namespace);
  }

  handleConnection(socket: Socket): void {
    if (this.draining) return this.sendAway(socket);
    // While draining, hello and message get no ack: the client re-sends them to the instance it reconnects to
    // (same clientMessageId, so a message that did get through is stored and answered once).
    socket.on('hello', (payload: unknown, ack?: Ack) => {
      if (!this.draining) this.guard(ack, () => this.hello(socket, payload, ack));
    });
    socket.on('message', (payload: unknown, ack?: Ack) => {
      if (!this.draining) this.guard(ack, () => this.message(socket, payload, ack));
    });
  }

  /** Graceful shutdown, step one: new connections and messages are no longer taken on this instance. */
  stopAccepting(): void {
    this.draining = true;
  }

  /** Graceful shutdown, last step: every visitor on this instance is told to reconnect (to another instance) and disconnected. */
  sendAwayAll(): void {
    this.draining = true;
    const local = this.namespace?.local;
    if (!local) return;
    local.emit(DRAINING_EVENT, drainingHint());
    local.disconnectSockets(true);
  }

  private sendAway(socket: Socket): void {
    socket.emit(DRAINING_EVENT, drainingHint());
    socket.disconnect(true);
  }

  private async hello(socket: Socket, payload: unknown, ack?: Ack): Promise<void> {
    const hello = parse(helloSchema, payload ?? {});
    const visitorId = hello.visitorId ?? randomUUID();
    socket.data.visitorId = visitorId;
    socket.data.locale = hello.locale;
    await socket.join(visitorRoom(visitorId));
    const opened = await this.engine.open('webchat', visitorId);
    ack?.({ visitorId, conversationId: opened.conversationId, history: opened.history.map(toChatMessage) });
    if (opened.history.length === 0) await this.engine.start('webchat', visitorId);
  }

  private async message(socket: Socket, payload: unknown, ack?: Ack): Promise<void> {
    const visitorId: string | undefined = socket.data.visitorId;
    if (!visitorId) throw new ClientInputError('hello_required', 'send hello before message');
    const message = parse(messageSchema, payload);
    const text = message.text?.trim();
    if (!text && !message.payload) throw new ClientInputError('empty_message', 'a message needs text or a payload');
    if (text && Buffer.byteLength(text) > MAX_TEXT_BYTES) {
      throw new ClientInputError('too_long', `text is longer than ${MAX_TEXT_BYTES} bytes`);
    }
    if (!this.flood.allow(visitorId)) {
      const { floodMessages, floodWindowMs } = this.options;
      throw new ClientInputError('rate_limited', `more than ${floodMessages} messages in ${floodWindowMs / 1000} s; slow down`);
    }
    const inbound: InboundMessage = {
      channel: 'webchat',
      address: visitorId,
      externalId: `${visitorId}:${message.clientMessageId}`,
      text,
      payload: message.payload,
      receivedAt: new Date(),
      locale: socket.data.locale,
      // Proof for consent given in this message (IP and user agent for web).
      metadata: { ip: socket.handshake.address, userAgent: String(socket.handshake.headers['user-agent'] ?? '') },
    };
    const typing = setTimeout(() => this.transport.typing('webchat', visitorId), TYPING_DELAY_MS);
    try {
      await this.engine.handle(inbound, (result) => ack?.({ id: result.messageId, duplicate: result.duplicate }));
    } finally {
      clearTimeout(typing);
    }
  }

  /** Bad input gets an error ack; an unexpected failure is logged and acked, never thrown at socket.io. */
  private guard(ack: Ack | undefined, work: () => Promise<void>): void {
    work().catch((error: unknown) => {
      if (error instanceof ClientInputError) {
        ack?.(errorAck(error.code, error.message));
        return;
      }
      this.logger.error(`web chat event failed: ${error instanceof Error ? error.stack : String(error)}`);
      ack?.(errorAck('internal', 'the message could not be processed; please retry'));
    });
  }
}
