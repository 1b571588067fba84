import type { ChannelName, OutboundMessage } from '@parley/core';
import { ChannelTransport } from '@parley/engine';
import type { Namespace } from 'socket.io';
import { toChatMessage, visitorRoom } from './webchat-protocol';

/** Emits to the visitor's room, so every tab of the visitor (on any instance, with the Redis adapter) gets it. */
export class WebchatTransport extends ChannelTransport {
  readonly channels: readonly ChannelName[] = ['webchat'];
  private namespace?: Namespace;

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  async deliver(message: OutboundMessage): Promise<void> {
    if (!this.namespace) throw new Error('web chat is not listening yet');
    this.namespace.to(visitorRoom(message.address)).emit('message', toChatMessage(message));
  }

  override typing(_channel: ChannelName, address: string, from: 'bot' | 'agent' = 'bot'): void {
    this.namespace?.to(visitorRoom(address)).emit('typing', { from });
  }
}
