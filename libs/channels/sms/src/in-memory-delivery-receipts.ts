import { Logger } from '@nestjs/common';
import { DeliveryReceipts, type DeliveryReceipt } from './delivery-receipts.port';
import { supersedes } from './delivery-status';

const CAPACITY = 10_000;

/** The zero-setup default: the latest receipt per message (bounded) and a log line per failure. */
export class InMemoryDeliveryReceipts extends DeliveryReceipts {
  private readonly logger = new Logger('DeliveryReceipts');
  private readonly byMessage = new Map<string, DeliveryReceipt>();
  readonly optedOut = new Set<string>();

  async record(receipt: DeliveryReceipt): Promise<void> {
    const key = receipt.messageId ?? receipt.providerMessageId;
    if (receipt.optedOut && receipt.to) this.optedOut.add(receipt.to);
    if (receipt.status === 'failed' || receipt.status === 'undelivered') {
      this.logger.warn(`message ${key ?? '?'} to ${receipt.to ?? '?'} ${receipt.status} (error ${receipt.errorCode ?? 'none'})`);
    }
    if (!key || !supersedes(receipt.status, this.byMessage.get(key)?.status)) return;
    this.byMessage.delete(key);
    this.byMessage.set(key, receipt);
    if (this.byMessage.size > CAPACITY) this.byMessage.delete(this.byMessage.keys().next().value!);
  }

  latest(messageId: string): DeliveryReceipt | undefined {
    return this.byMessage.get(messageId);
  }
}
