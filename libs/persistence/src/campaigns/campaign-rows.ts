import { EMPTY_PROGRESS, type AudienceSpec, type Campaign, type CampaignProgress, type CampaignWithProgress } from '@parley/engine';
import { newId } from '@parley/core';
import type { SqlTx } from '../sql/sql-database';

export interface CampaignRow {
  id: string;
  name: string;
  channel: 'sms';
  template: string;
  audience: string;
  rate_per_second: number | string;
  status: Campaign['status'];
  created_by: string;
  created_at: string | Date;
  start_at: string | Date | null;
  completed_at: string | Date | null;
}

export const CAMPAIGN_COLUMNS = 'id, name, channel, template, audience, rate_per_second, status, created_by, created_at, start_at, completed_at';

export const CAMPAIGN_RUN = 'campaign.run';
export const CAMPAIGN_HELD = 'campaign.held';

export function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    template: row.template,
    audience: JSON.parse(row.audience) as AudienceSpec,
    ratePerSecond: Number(row.rate_per_second),
    status: row.status,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    startAt: row.start_at === null ? null : new Date(row.start_at),
    completedAt: row.completed_at === null ? null : new Date(row.completed_at),
  };
}

/** Recipient statuses to the progress the API shows; the parts always add up to the total. */
export function toProgress(counts: readonly { status: string; n: number | string }[]): CampaignProgress {
  const progress = { ...EMPTY_PROGRESS };
  for (const { status, n } of counts) {
    const count = Number(n);
    progress.total += count;
    if (status === 'sent') progress.sent += count;
    else if (status === 'skipped') progress.skippedNoConsent += count;
    else if (status === 'held') progress.skippedQuietHours += count;
    else if (status === 'failed') progress.failed += count;
    else progress.pending += count;
  }
  return progress;
}

export function withProgress(campaign: Campaign, counts: readonly { status: string; n: number | string }[]): CampaignWithProgress {
  return { ...campaign, progress: toProgress(counts) };
}

/** An outbox job for the job worker; an existing job with the key wins. */
export async function enqueueJob(tx: SqlTx, type: string, payload: Record<string, unknown>, key: string, runAt: Date, now: Date): Promise<void> {
  await tx.run(
    `INSERT INTO outbox_jobs (id, type, payload, idempotency_key, status, attempts, run_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
    [newId(), type, JSON.stringify(payload), key, runAt.toISOString(), now.toISOString(), now.toISOString()],
  );
}
