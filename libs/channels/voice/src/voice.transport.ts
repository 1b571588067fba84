import { Logger } from '@nestjs/common';
import type { ChannelName, OutboundMessage } from '@parley/core';
import { ChannelTransport } from '@parley/engine';

const CAPACITY = 1_000;
/** A caller who hung up mid-call sends no webhook to say so; a call unheard from this long is over. */
const LIVE_CALL_TTL_MS = 10 * 60_000;

/**
 * A call's replies travel in the webhook's TwiML answer, not through a push API. A message the engine
 * sends to a phone outside a live call (a follow-up, an agent's reply) cannot reach it: it is logged and kept.
 */
export class VoiceTransport extends ChannelTransport {
  readonly channels: readonly ChannelName[] = ['voice'];
  private readonly logger = new Logger('VoiceTransport');
  private readonly liveUntil = new Map<string, number>();
  private readonly kept: OutboundMessage[] = [];

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  callActive(address: string): void {
    this.liveUntil.delete(address);
    this.liveUntil.set(address, this.now() + LIVE_CALL_TTL_MS);
    if (this.liveUntil.size > CAPACITY) this.liveUntil.delete(this.liveUntil.keys().next().value!);
  }

  callEnded(address: string): void {
    this.liveUntil.delete(address);
  }

  async deliver(message: OutboundMessage): Promise<void> {
    if ((this.liveUntil.get(message.address) ?? 0) > this.now()) return;
    this.logger.warn(`message ${message.id} to ${message.address} not delivered: ${message.channel} replies only reach a live call or session`);
    this.kept.push(message);
    if (this.kept.length > CAPACITY) this.kept.shift();
  }

  /** Messages that found no live call, newest last. */
  undelivered(): readonly OutboundMessage[] {
    return this.kept;
  }
}
