/** Who a campaign goes to: listed contacts, contacts matching attributes and tags, or a segment. */
export type AudienceSpec =
  | { contactIds: string[] }
  | { filter: { attributes?: Record<string, string | number | boolean>; tags?: string[] } }
  | { segmentId: string };

/** Stored as running or completed; the API shows a running campaign whose start time is ahead as scheduled. */
export type CampaignStatus = 'scheduled' | 'running' | 'completed';

export type RecipientStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'held' | 'failed';

export interface CampaignProgress {
  total: number;
  sent: number;
  skippedNoConsent: number;
  /** Held for the recipient's sending window; sent (and counted as sent) when it opens. */
  skippedQuietHours: number;
  failed: number;
  /** Not sent yet, including the one being sent right now. */
  pending: number;
}

export interface Campaign {
  id: string;
  name: string;
  channel: 'sms';
  template: string;
  audience: AudienceSpec;
  ratePerSecond: number;
  status: CampaignStatus;
  createdBy: string;
  createdAt: Date;
  /** When sending begins; null: as soon as it is created. */
  startAt: Date | null;
  completedAt: Date | null;
}

export interface CampaignWithProgress extends Campaign {
  progress: CampaignProgress;
}

/** A recipient leased for one send attempt, with the contact as it is now. */
export interface ClaimedRecipient {
  id: string;
  campaignId: string;
  contactId: string;
  address: string;
  template: string;
  ratePerSecond: number;
  attributes: Record<string, unknown>;
}

/** The campaign as the API shows it at `now`: waiting for its start time reads as scheduled. */
export function campaignAsOf<T extends Campaign>(campaign: T, now: Date): T {
  const waiting = campaign.status === 'running' && campaign.startAt !== null && campaign.startAt.getTime() > now.getTime();
  return waiting ? { ...campaign, status: 'scheduled' } : campaign;
}

export const EMPTY_PROGRESS: CampaignProgress = { total: 0, sent: 0, skippedNoConsent: 0, skippedQuietHours: 0, failed: 0, pending: 0 };
