import { Logger } from '@nestjs/common';
import type { ChannelName, OutboundMessage } from '@parley/core';
import { ChannelTransport, KeyedQueue } from '@parley/engine';
import type { OutgoingActivity } from './activity';
import { BotConnector } from './bot-connector.port';
import { ConversationReferences } from './conversation-references.port';
import { toActivity, TYPING } from './render-activities';

/**
 * Sends the engine's messages into the user's Bot Framework conversation, found by the reference stored
 * when they last wrote, so replies to a turn and messages sent later (agent replies, follow-ups) take one path.
 * Sends to one user are queued, so a typing indicator always precedes the replies it announces.
 */
export class BotFrameworkTransport extends ChannelTransport {
  readonly channels: readonly ChannelName[] = ['botframework'];
  private readonly logger = new Logger('BotFrameworkTransport');
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly connector: BotConnector,
    private readonly references: ConversationReferences,
  ) {
    super();
  }

  deliver(message: OutboundMessage): Promise<void> {
    return this.queue.run(message.address, () => this.send(message.address, (channelId) => [toActivity(message, channelId)]));
  }

  override typing(_channel: ChannelName, address: string): void {
    this.queue.run(address, () => this.send(address, () => [TYPING])).catch((error: unknown) => {
      this.logger.warn(`typing indicator to ${address} failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async send(address: string, render: (channelId: string) => OutgoingActivity[]): Promise<void> {
    const reference = await this.references.find(address);
    if (!reference) throw new Error(`no Bot Framework conversation known for ${address}`);
    await this.connector.send(reference, render(reference.channelId));
  }
}
