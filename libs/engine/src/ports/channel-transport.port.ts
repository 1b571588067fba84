import type { ChannelName, OutboundMessage } from '@parley/core';

/** Delivers what the engine says on one or more channels. */
export abstract class ChannelTransport {
  abstract readonly channels: readonly ChannelName[];
  abstract deliver(message: OutboundMessage): Promise<void>;
  /** Tells the person on the other side that a reply is being written. */
  typing?(channel: ChannelName, address: string): void;
}
