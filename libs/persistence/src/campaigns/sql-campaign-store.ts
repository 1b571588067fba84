import {
  CampaignStore,
  type AudienceMember,
  type Campaign,
  type CampaignWithProgress,
  type ClaimedRecipient,
  type RecipientOutcome,
  type StrandedRecipient,
} from '@parley/engine';
import { newId } from '@parley/core';
import type { SqlDatabase, SqlTx, SqlValue } from '../sql/sql-database';
import { CAMPAIGN_COLUMNS, CAMPAIGN_HELD, CAMPAIGN_RUN, enqueueJob, toCampaign, withProgress, type CampaignRow } from './campaign-rows';
import { jsonObject } from '../sql/json-object';

const INSERT_CHUNK = 100;
const RECIPIENT_RETURNING = 'id, campaign_id, contact_id, address';

interface RecipientRow {
  id: string;
  campaign_id: string;
  contact_id: string;
  address: string;
}

const runKey = (campaignId: string, slice: number) => `campaign:${campaignId}:run:${slice}`;

/** Campaigns on campaign_recipients and the outbox (implements @parley/engine's CampaignStore). */
export class SqlCampaignStore extends CampaignStore {
  constructor(private readonly db: SqlDatabase) {
    super();
  }

  async create(campaign: Campaign, members: readonly AudienceMember[]): Promise<CampaignWithProgress> {
    const at = campaign.createdAt.toISOString();
    await this.db.transaction(async (tx) => {
      await tx.run(`INSERT INTO campaigns (${CAMPAIGN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        campaign.id, campaign.name, campaign.channel, campaign.template, JSON.stringify(campaign.audience), campaign.ratePerSecond,
        campaign.status, campaign.createdBy, at, campaign.startAt?.toISOString() ?? null, null,
      ]);
      for (let start = 0; start < members.length; start += INSERT_CHUNK) {
        const chunk = members.slice(start, start + INSERT_CHUNK);
        const params: SqlValue[] = chunk.flatMap((m, i) => [
          // The recipient's id is also its message's id: delivery receipts find the row by it.
          newId(), campaign.id, m.contactId, m.address, `${campaign.id}:${m.contactId}`, start + i, 'pending', at,
        ]);
        await tx.run(
          `INSERT INTO campaign_recipients (id, campaign_id, contact_id, address, idempotency_key, position, status, updated_at)
           VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (idempotency_key) DO NOTHING`,
          params,
        );
      }
      await enqueueJob(tx, CAMPAIGN_RUN, { campaignId: campaign.id, slice: 1 }, runKey(campaign.id, 1), campaign.startAt ?? campaign.createdAt, campaign.createdAt);
    });
    return (await this.get(campaign.id))!;
  }

  async get(id: string): Promise<CampaignWithProgress | undefined> {
    const row = await this.db.get<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = ?`, [id]);
    return row && withProgress(toCampaign(row), await this.counts(id));
  }

  async list(limit: number, offset: number): Promise<CampaignWithProgress[]> {
    const rows = await this.db.all<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns ORDER BY created_at DESC, id LIMIT ? OFFSET ?`, [limit, offset]);
    return Promise.all(rows.map(async (row) => withProgress(toCampaign(row), await this.counts(row.id))));
  }

  claimNext(campaignId: string, now: Date, leaseUntil: Date): Promise<ClaimedRecipient | undefined> {
    const next = `SELECT id FROM campaign_recipients WHERE campaign_id = ? AND status = 'pending' ORDER BY position LIMIT 1`;
    return this.claim(next, [campaignId], now, leaseUntil);
  }

  claimHeld(recipientId: string, now: Date, leaseUntil: Date): Promise<ClaimedRecipient | undefined> {
    return this.claim(`SELECT id FROM campaign_recipients WHERE id = ? AND status = 'held'`, [recipientId], now, leaseUntil);
  }

  async settle(recipientId: string, outcome: RecipientOutcome, now: Date): Promise<void> {
    const reason = outcome.status === 'skipped' ? outcome.reason : null;
    const error = outcome.status === 'failed' ? outcome.error : null;
    await this.db.run(
      `UPDATE campaign_recipients SET status = ?, reason = ?, error = ?, locked_until = NULL, updated_at = ? WHERE id = ? AND status = 'sending'`,
      [outcome.status, reason, error, now.toISOString(), recipientId],
    );
  }

  async hold(recipient: ClaimedRecipient, until: Date, now: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      const held = await tx.run(
        `UPDATE campaign_recipients SET status = 'held', hold_until = ?, locked_until = NULL, updated_at = ? WHERE id = ? AND status = 'sending'`,
        [until.toISOString(), now.toISOString(), recipient.id],
      );
      if (!held) return;
      const payload = { campaignId: recipient.campaignId, recipientId: recipient.id, contactId: recipient.contactId };
      await enqueueJob(tx, CAMPAIGN_HELD, payload, `campaign:${recipient.campaignId}:held:${recipient.id}:${until.toISOString()}`, until, now);
    });
  }

  async stranded(campaignId: string, now: Date): Promise<StrandedRecipient[]> {
    const rows = await this.db.all<{ id: string; provider_id: string | null }>(
      `SELECT id, provider_id FROM campaign_recipients WHERE campaign_id = ? AND status = 'sending' AND locked_until <= ?`,
      [campaignId, now.toISOString()],
    );
    return rows.map((row) => ({ id: row.id, providerMessageId: row.provider_id }));
  }

  async continueLater(campaignId: string, slice: number, now: Date): Promise<void> {
    await this.db.transaction((tx) => enqueueJob(tx, CAMPAIGN_RUN, { campaignId, slice }, runKey(campaignId, slice), now, now));
  }

  async completeIfDone(campaignId: string, now: Date): Promise<boolean> {
    await this.db.run(
      `UPDATE campaigns SET status = 'completed', completed_at = ? WHERE id = ? AND status = 'running' AND NOT EXISTS
         (SELECT 1 FROM campaign_recipients WHERE campaign_id = ? AND status IN ('pending', 'sending', 'held'))`,
      [now.toISOString(), campaignId, campaignId],
    );
    const row = await this.db.get<{ status: string }>('SELECT status FROM campaigns WHERE id = ?', [campaignId]);
    return row?.status === 'completed';
  }

  private counts(campaignId: string): Promise<{ status: string; n: number | string }[]> {
    return this.db.all('SELECT status, COUNT(*) AS n FROM campaign_recipients WHERE campaign_id = ? GROUP BY status', [campaignId]);
  }

  /** Leases the recipient `select` finds (pending or held -> sending) and reads its campaign and contact as they are now. */
  private async claim(select: string, params: SqlValue[], now: Date, leaseUntil: Date): Promise<ClaimedRecipient | undefined> {
    const set = `UPDATE campaign_recipients SET status = 'sending', locked_until = ?, updated_at = ?`;
    const setParams: SqlValue[] = [leaseUntil.toISOString(), now.toISOString()];
    const rows = await this.db.transaction((tx: SqlTx) =>
      this.db.dialect === 'postgres'
        ? tx.all<RecipientRow>(
            `WITH next AS (${select} FOR UPDATE SKIP LOCKED),
             claimed AS (${set} WHERE id IN (SELECT id FROM next) RETURNING ${RECIPIENT_RETURNING})
             SELECT * FROM claimed`,
            [...params, ...setParams],
          )
        : tx.all<RecipientRow>(`${set} WHERE id IN (${select}) RETURNING ${RECIPIENT_RETURNING}`, [...setParams, ...params]),
    );
    const row = rows[0];
    if (!row) return undefined;
    const details = await this.db.get<{ template: string; rate_per_second: number | string; attributes: string | null }>(
      'SELECT c.template, c.rate_per_second, ct.attributes FROM campaigns c LEFT JOIN contacts ct ON ct.id = ? WHERE c.id = ?',
      [row.contact_id, row.campaign_id],
    );
    return {
      id: row.id,
      campaignId: row.campaign_id,
      contactId: row.contact_id,
      address: row.address,
      template: details?.template ?? '',
      ratePerSecond: Number(details?.rate_per_second ?? 1),
      attributes: jsonObject(details?.attributes),
    };
  }
}
