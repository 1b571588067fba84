import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { InboundMessage } from '@parley/core';
import { ConversationEngine } from '@parley/engine';
import type { IncomingActivity } from './activity';
import { ConversationReferences } from './conversation-references.port';
import { parseActivity } from './parse-activity';
import { BotFrameworkTransport } from './botframework.transport';

/**
 * Takes authenticated activities to the engine. The HTTP answer goes back once the message is stored (Bot Framework
 * times out slow bots and retries); the replies then travel through the transport, preceded by a typing indicator.
 */
@Injectable()
export class BotFrameworkInbox implements OnApplicationShutdown {
  private readonly logger = new Logger('BotFrameworkInbox');
  private readonly handling = new Set<Promise<unknown>>();

  constructor(
    private readonly engine: ConversationEngine,
    private readonly references: ConversationReferences,
    private readonly transport: BotFrameworkTransport,
  ) {}

  async receive(activity: IncomingActivity, receivedAt: Date): Promise<void> {
    const received = parseActivity(activity, receivedAt);
    if (received.kind === 'ignored') return;
    if (received.kind === 'joined') {
      for (const member of received.members) {
        await this.references.save(member.address, member.reference);
        // Only a conversation with nothing in it yet gets a greeting (engine.start), so only it is announced.
        if (!(await this.engine.open('botframework', member.address)).history.length) this.transport.typing('botframework', member.address);
        this.inBackground(`greeting ${member.address}`, this.engine.start('botframework', member.address));
      }
      return;
    }
    await this.references.save(received.inbound.address, received.reference);
    await this.handle(received.inbound);
  }

  /** Resolves once the message is stored (or known as a redelivery); a failure before that fails the request. */
  private handle(inbound: InboundMessage): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let stored = false;
      const work = this.engine.handle(inbound, (result) => {
        stored = true;
        if (!result.duplicate && result.replies.length) this.transport.typing('botframework', inbound.address);
        resolve();
      });
      this.inBackground(`activity ${inbound.externalId}`, work, (error) => (stored ? false : (reject(error), true)));
    });
  }

  private inBackground(what: string, work: Promise<unknown>, handled: (error: unknown) => boolean = () => false): void {
    const tracked = work
      .catch((error: unknown) => {
        if (!handled(error)) this.logger.error(`${what} failed: ${error instanceof Error ? error.stack : String(error)}`);
      })
      .finally(() => this.handling.delete(tracked));
    this.handling.add(tracked);
  }

  /** Replies already on their way finish before the process exits. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.handling]);
  }
}
