import { Logger } from '@nestjs/common';
import type { ChannelName, OutboundMessage } from '@parley/core';
import { ChannelTransport } from '@parley/engine';
import { DeliveryReceipts } from './delivery-receipts.port';
import { OPTED_OUT_ERROR_CODE, toDeliveryStatus } from './delivery-status';
import { countSegments } from './render/count-segments';
import { renderSms } from './render/render-sms';
import { renderWhatsApp } from './render/render-whatsapp';
import { SmsSendError, SmsSender, type SmsDraft } from './sms-sender.port';

export interface SmsTransportSettings {
  statusCallbackUrl?: (messageId: string) => string | undefined;
  retryDelaysMs?: readonly number[];
}

const DEFAULT_RETRY_DELAYS_MS = [250, 1000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Renders the engine's messages for SMS and sends each part, in order, retrying transient failures. WhatsApp goes
 * through the same Messages API: one message, with its media or, when the gate chose it, an approved template.
 */
export class SmsTransport extends ChannelTransport {
  readonly channels: readonly ChannelName[] = ['sms', 'whatsapp'];
  private readonly logger = new Logger('SmsTransport');
  private readonly retryDelaysMs: readonly number[];

  constructor(
    private readonly sender: SmsSender,
    private readonly receipts: DeliveryReceipts,
    private readonly settings: SmsTransportSettings = {},
  ) {
    super();
    this.retryDelaysMs = settings.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  async deliver(message: OutboundMessage): Promise<void> {
    const statusCallback = this.settings.statusCallbackUrl?.(message.id);
    if (message.channel === 'whatsapp') {
      return this.sendPart(message, { to: message.address, ...renderWhatsApp(message), ...(statusCallback ? { statusCallback } : {}) });
    }
    for (const body of renderSms(message)) {
      await this.sendPart(message, { to: message.address, body, ...(statusCallback ? { statusCallback } : {}) }, countSegments(body).segments);
    }
  }

  private async sendPart(message: OutboundMessage, draft: SmsDraft, smsSegments?: number): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const sent = await this.sender.send(draft);
        const status = toDeliveryStatus(sent.status) ?? 'queued';
        await this.receipts.record({ messageId: message.id, providerMessageId: sent.providerMessageId, status, optedOut: false, to: draft.to, smsSegments, at: new Date() });
        return;
      } catch (error) {
        const delay = this.retryDelaysMs[attempt];
        if (error instanceof SmsSendError && error.details.retryable && delay !== undefined) {
          this.logger.warn(`SMS ${message.id} attempt ${attempt + 1} failed (${error.message}); retrying in ${delay} ms`);
          await sleep(delay);
          continue;
        }
        await this.recordFailure(message, draft, error);
        throw error;
      }
    }
  }

  private async recordFailure(message: OutboundMessage, draft: SmsDraft, error: unknown): Promise<void> {
    const code = error instanceof SmsSendError && error.details.code !== undefined ? String(error.details.code) : undefined;
    await this.receipts.record({
      messageId: message.id,
      status: 'failed',
      ...(code ? { errorCode: code } : {}),
      optedOut: code === OPTED_OUT_ERROR_CODE,
      to: draft.to,
      at: new Date(),
    });
  }
}
