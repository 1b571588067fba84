import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { InboundMessage } from '@parley/core';
import { ConversationEngine, type HandleResult } from '@parley/engine';

/** Hands inbound SMS to the engine and answers the webhook as soon as the message is stored. */
@Injectable()
export class SmsInbox implements OnApplicationShutdown {
  private readonly logger = new Logger('SmsInbox');
  private readonly handling = new Set<Promise<unknown>>();

  constructor(private readonly engine: ConversationEngine) {}

  /**
   * Resolves once the message is durably stored (or known as a duplicate); the replies are then
   * delivered in the background. A failure before storing rejects, so the webhook fails and Twilio may retry.
   */
  receive(inbound: InboundMessage): Promise<HandleResult> {
    return new Promise<HandleResult>((resolve, reject) => {
      let stored = false;
      const work = this.engine
        .handle(inbound, (result) => {
          stored = true;
          resolve(result);
        })
        .catch((error: unknown) => {
          if (!stored) return reject(error);
          this.logger.error(`SMS ${inbound.externalId} stored, but handling it failed: ${error instanceof Error ? error.stack : String(error)}`);
        })
        .finally(() => this.handling.delete(work));
      this.handling.add(work);
    });
  }

  /** Replies already being delivered finish before the process exits. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.handling]);
  }
}
