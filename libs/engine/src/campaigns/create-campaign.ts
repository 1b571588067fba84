import { newId } from '@parley/core';
import type { Clock } from '../ports';
import { AudienceUnavailable, type AudienceSource } from './audience-source.port';
import { campaignAsOf, type AudienceSpec, type CampaignWithProgress } from './campaign';
import { CampaignTemplateError, unknownVariables } from './campaign-template';
import type { CampaignStore } from './campaign-store.port';

export interface CampaignRequest {
  name: string;
  template: string;
  audience: AudienceSpec;
  ratePerSecond?: number;
  /** Send from this time on (the job worker picks the campaign up then); absent: now. */
  startAt?: Date;
}

const MAX_SCHEDULE_AHEAD_MS = 365 * 24 * 3600_000;

export interface CampaignRates {
  /** Messages per second per sender when the campaign names none (1 for a long code). */
  defaultPerSecond: number;
  /** The highest rate a campaign may ask for (a short code or a scaled messaging service). */
  maxPerSecond: number;
}

/** A request Parley will not run, with a reason meant for the person who made it. */
export class CampaignRefused extends Error {
  constructor(
    readonly code: 'invalid_template' | 'unknown_variables' | 'invalid_rate' | 'invalid_start' | 'empty_audience' | 'audience_unavailable',
    message: string,
  ) {
    super(message);
    this.name = 'CampaignRefused';
  }
}

export interface CreateCampaignDeps {
  audience: AudienceSource;
  store: CampaignStore;
  clock: Clock;
  rates: CampaignRates;
}

/** Validates the template against the audience, resolves the audience once, and stores the campaign ready to run. */
export async function createCampaign(request: CampaignRequest, actor: string, deps: CreateCampaignDeps): Promise<CampaignWithProgress & { withoutAddress: number }> {
  const ratePerSecond = request.ratePerSecond ?? deps.rates.defaultPerSecond;
  if (!(ratePerSecond > 0) || ratePerSecond > deps.rates.maxPerSecond) {
    throw new CampaignRefused('invalid_rate', `rate must be more than 0 and at most ${deps.rates.maxPerSecond} messages per second (CAMPAIGN_MAX_RATE_PER_SECOND)`);
  }
  const now = deps.clock.now();
  if (request.startAt && request.startAt.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_MS) {
    throw new CampaignRefused('invalid_start', 'startAt may be at most 365 days ahead');
  }
  let resolved;
  try {
    resolved = await deps.audience.resolve(request.audience);
  } catch (error) {
    if (error instanceof AudienceUnavailable) throw new CampaignRefused('audience_unavailable', error.message);
    throw error;
  }
  const known = new Set(resolved.members.flatMap((m) => Object.keys(m.attributes)));
  let unknown: string[];
  try {
    unknown = unknownVariables(request.template, known);
  } catch (error) {
    if (error instanceof CampaignTemplateError) throw new CampaignRefused('invalid_template', error.message);
    throw error;
  }
  if (unknown.length) {
    throw new CampaignRefused('unknown_variables', `the template uses ${unknown.map((v) => `{{${v}}}`).join(', ')}, which no contact in the audience has`);
  }
  if (!resolved.members.length) throw new CampaignRefused('empty_audience', 'no contact in the audience has a phone number to text');
  const campaign = await deps.store.create(
    {
      id: newId(),
      name: request.name,
      channel: 'sms',
      template: request.template,
      audience: request.audience,
      ratePerSecond,
      status: 'running',
      createdBy: actor,
      createdAt: now,
      startAt: request.startAt && request.startAt.getTime() > now.getTime() ? request.startAt : null,
      completedAt: null,
    },
    resolved.members,
  );
  return { ...campaignAsOf(campaign, now), withoutAddress: resolved.withoutAddress };
}
