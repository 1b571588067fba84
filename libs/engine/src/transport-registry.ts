import type { ChannelName, OutboundMessage } from '@parley/core';
import type { ChannelTransport } from './ports';

export class TransportRegistry {
  private readonly byChannel = new Map<ChannelName, ChannelTransport>();

  register(transport: ChannelTransport): void {
    for (const channel of transport.channels) this.byChannel.set(channel, transport);
  }

  for(channel: ChannelName): ChannelTransport | undefined {
    return this.byChannel.get(channel);
  }

  async deliver(message: OutboundMessage): Promise<void> {
    const transport = this.byChannel.get(message.channel);
    if (!transport) throw new Error(`no transport for channel ${message.channel}`);
    await transport.deliver(message);
  }
}
