import { BadRequestException, Body, Controller, Get, Inject, NotFoundException, Param, Post, Query, Req, ServiceUnavailableException, UseGuards, UseInterceptors } from '@nestjs/common';
import { AudienceSource, CampaignRefused, CampaignStore, Clock, campaignAsOf, createCampaign } from '@parley/engine';
import type { ParleyConfig } from '@parley/config';
import { z } from 'zod';
import { ApiDoc } from '../admin/api-doc.decorator';
import { ApiKeyGuard, type AdminRequest } from '../admin/api-key.guard';
import { AuditInterceptor } from '../admin/audit.interceptor';
import { parseInput } from '../admin/parse-input';
import { Roles, WRITERS } from '../admin/roles.decorator';
import { CONFIG } from '../tokens';
import { campaignBodyExample, campaignExample, campaignListExample, createdCampaignExample } from './campaign-examples';
import { CampaignJobHandler } from './campaign-job.handler';

const attributeValue = z.union([z.string().max(500), z.number(), z.boolean()]);
const audience = z.union([
  z.strictObject({ contactIds: z.array(z.string().uuid()).min(1).max(20_000) }),
  z.strictObject({
    filter: z.strictObject({
      attributes: z.record(z.string().min(1).max(64), attributeValue).optional(),
      tags: z.array(z.string().min(1).max(64)).max(20).optional(),
    }),
  }),
  z.strictObject({ segmentId: z.string().min(1).max(64) }),
]);
const createBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  channel: z.literal('sms').default('sms'),
  template: z.string().min(1).max(1600),
  audience,
  /** Messages per second from our sender; the default suits a long code. */
  rate: z.number().positive().max(1000).optional(),
  /** Send from this time on (ISO 8601 with an offset); absent or past: now. */
  startAt: z.iso.datetime({ offset: true }).optional(),
});
const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const campaignId = z.string().uuid();
const actorOf = (request: AdminRequest) => `apikey:${request.apiKey!.prefix} (${request.apiKey!.name})`;

/** SMS campaigns: create (validated, then sent in the background by the job worker) and follow their progress. */
@Controller('api/v1/campaigns')
@UseGuards(ApiKeyGuard)
@UseInterceptors(AuditInterceptor)
export class CampaignsController {
  constructor(
    private readonly store: CampaignStore,
    private readonly audience: AudienceSource,
    private readonly clock: Clock,
    private readonly jobs: CampaignJobHandler,
    @Inject(CONFIG) private readonly config: ParleyConfig,
  ) {}

  @Post()
  @Roles(...WRITERS)
  @ApiDoc({
    summary: 'Send a templated SMS to an audience of consented contacts, throttled, in the background (503 while SMS is off)',
    body: createBody,
    bodyExample: campaignBodyExample,
    response: createdCampaignExample,
    status: 201,
  })
  async create(@Body() body: unknown, @Req() request: AdminRequest) {
    const input = parseInput(createBody, body);
    const off = this.jobs.unavailable();
    if (off) throw new ServiceUnavailableException({ error: 'sms_off', message: off });
    try {
      return await createCampaign(
        { name: input.name, template: input.template, audience: input.audience, ratePerSecond: input.rate, startAt: input.startAt ? new Date(input.startAt) : undefined },
        actorOf(request),
        {
          audience: this.audience,
          store: this.store,
          clock: this.clock,
          rates: { defaultPerSecond: this.config.CAMPAIGN_RATE_PER_SECOND, maxPerSecond: this.config.CAMPAIGN_MAX_RATE_PER_SECOND },
        },
      );
    } catch (error) {
      if (error instanceof CampaignRefused) throw new BadRequestException({ error: error.code, message: error.message });
      throw error;
    }
  }

  @Get()
  @Roles('admin', 'marketer', 'readonly')
  @ApiDoc({ summary: 'Campaigns, newest first, with their progress', query: listQuery, response: campaignListExample })
  async list(@Query() query: unknown) {
    const { limit, offset } = parseInput(listQuery, query);
    const now = this.clock.now();
    return { items: (await this.store.list(limit, offset)).map((c) => campaignAsOf(c, now)), limit, offset };
  }

  @Get(':id')
  @Roles('admin', 'marketer', 'readonly')
  @ApiDoc({ summary: "A campaign's progress: sent, skipped without consent, held for quiet hours, failed, pending (they add up to total)", response: campaignExample })
  async get(@Param('id') id: string) {
    const campaign = await this.store.get(parseInput(campaignId, id));
    if (!campaign) throw new NotFoundException(`no campaign ${id}`);
    return campaignAsOf(campaign, this.clock.now());
  }
}
