import type { AudienceMember } from './audience-source.port';
import type { Campaign, CampaignWithProgress, ClaimedRecipient } from './campaign';

export type RecipientOutcome =
  | { status: 'sent' }
  | { status: 'skipped'; reason: 'no-consent' | 'opted-out' }
  | { status: 'failed'; error: string };

/** A recipient left in `sending` by a crash, and whether the provider's receipt for its message was recorded. */
export interface StrandedRecipient {
  id: string;
  providerMessageId: string | null;
}

/**
 * Campaigns and their recipients. Every recipient row has a unique idempotency key (campaign + contact), and a
 * send moves it pending|held -> sending (with a lease, committed before the provider is called) -> sent|skipped|failed.
 */
export abstract class CampaignStore {
  /** Stores the campaign, one recipient per member and the first run job, in one transaction. */
  abstract create(campaign: Campaign, members: readonly AudienceMember[]): Promise<CampaignWithProgress>;
  abstract get(id: string): Promise<CampaignWithProgress | undefined>;
  abstract list(limit: number, offset: number): Promise<CampaignWithProgress[]>;
  /** Leases the next pending recipient of the campaign (status sending until `leaseUntil`). */
  abstract claimNext(campaignId: string, now: Date, leaseUntil: Date): Promise<ClaimedRecipient | undefined>;
  /** Leases a held recipient whose window opened; undefined when it is no longer held (sent, skipped, erased). */
  abstract claimHeld(recipientId: string, now: Date, leaseUntil: Date): Promise<ClaimedRecipient | undefined>;
  abstract settle(recipientId: string, outcome: RecipientOutcome, now: Date): Promise<void>;
  /** Marks the recipient held and stores the job that sends it at `until`, in one transaction. */
  abstract hold(recipient: ClaimedRecipient, until: Date, now: Date): Promise<void>;
  /** Recipients whose send lease expired while `sending`: the process died between lease and outcome. */
  abstract stranded(campaignId: string, now: Date): Promise<StrandedRecipient[]>;
  /** Stores the job that runs the campaign's next slice. */
  abstract continueLater(campaignId: string, slice: number, now: Date): Promise<void>;
  /** Completes the campaign when no recipient is pending, sending or held; true when it is complete. */
  abstract completeIfDone(campaignId: string, now: Date): Promise<boolean>;
}
