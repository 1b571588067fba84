import type { ChannelName, OutboundMessage } from '@parley/core';
import { ChannelTransport } from '@parley/engine';
import { flowSchema } from '@parley/flows';

/** A two-node flow that echoes every answer back: the smallest flow that exercises a whole turn. */
export const echoFlow = flowSchema.parse({
  schema: 1,
  id: 'echo',
  start: 'ask',
  nodes: {
    ask: { type: 'ask', text: 'Say something', attribute: 'last', next: 'echo' },
    echo: { type: 'say', text: 'got {{contact.last}}', next: 'ask' },
  },
});

/** A web chat transport that keeps what the engine delivered, in order. */
export class RecordingTransport extends ChannelTransport {
  readonly channels: readonly ChannelName[] = ['webchat'];
  readonly delivered: OutboundMessage[] = [];

  async deliver(message: OutboundMessage): Promise<void> {
    this.delivered.push(message);
  }
}
