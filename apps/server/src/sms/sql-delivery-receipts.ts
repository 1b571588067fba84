import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeliveryReceipts, supersedes, type DeliveryReceipt, type DeliveryStatus } from '@parley/channels-sms';
import { consentLedger } from '@parley/persistence';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';

/** Stores Twilio's delivery receipts on our messages; a carrier opt-out (21610) revokes SMS consent in the ledger. */
@Injectable()
export class SqlDeliveryReceipts extends DeliveryReceipts {
  private readonly logger = new Logger('SmsDelivery');

  constructor(@Inject(DATABASE) private readonly db: OpenDatabase) {
    super();
  }

  async record(receipt: DeliveryReceipt): Promise<void> {
    const { sql } = this.db;
    // Each sent part adds its segments: a long text split in two parts bills both.
    const segments = receipt.smsSegments ? ', sms_segments = COALESCE(sms_segments, 0) + ?' : '';
    const segmentParams = receipt.smsSegments ? [receipt.smsSegments] : [];
    await sql.transaction(async (tx) => {
      if (receipt.messageId) {
        const row = await tx.get<{ status: string }>('SELECT status FROM messages WHERE id = ?', [receipt.messageId]);
        const current = row && row.status !== 'stored' ? (row.status as DeliveryStatus) : undefined;
        if (row && supersedes(receipt.status, current)) {
          await tx.run(`UPDATE messages SET status = ?, provider_id = COALESCE(?, provider_id), delivery_error = ?${segments} WHERE id = ?`, [
            receipt.status,
            receipt.providerMessageId ?? null,
            receipt.errorCode ?? null,
            ...segmentParams,
            receipt.messageId,
          ]);
        } else if (row && segments) {
          await tx.run('UPDATE messages SET sms_segments = COALESCE(sms_segments, 0) + ? WHERE id = ?', [...segmentParams, receipt.messageId]);
        }
      }
      if (receipt.messageId && receipt.providerMessageId) {
        // A campaign text's id is its recipient row's: the provider's id proves the send after a crash.
        await tx.run(`UPDATE campaign_recipients SET provider_id = COALESCE(provider_id, ?)${segments} WHERE id = ?`, [
          receipt.providerMessageId,
          ...segmentParams,
          receipt.messageId,
        ]);
      }
      if (receipt.optedOut && receipt.to) {
        const identity = await tx.get<{ contact_id: string }>('SELECT contact_id FROM channel_identities WHERE channel = ? AND address = ?', ['sms', receipt.to]);
        if (identity) {
          await consentLedger.append(tx, {
            contactId: identity.contact_id, channel: 'sms', purpose: 'all', action: 'revoke', source: 'carrier',
            evidence: { to: receipt.to, errorCode: receipt.errorCode ?? '21610', providerMessageId: receipt.providerMessageId ?? '' },
            actor: 'carrier', at: receipt.at,
          });
        }
      }
    });
    if (receipt.status === 'failed' || receipt.status === 'undelivered') {
      this.logger.warn(`message ${receipt.messageId ?? receipt.providerMessageId} ${receipt.status} (error ${receipt.errorCode ?? 'unknown'})`);
    }
  }
}
